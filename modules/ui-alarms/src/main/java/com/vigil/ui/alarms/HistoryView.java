package com.vigil.ui.alarms;

import com.vigil.reports.export.TableExport;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/** The alarm journal as history: a time range, the rows, and export to CSV or XLSX. */
public final class HistoryView extends BorderPane {
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final int LIMIT = 100_000;

    private final AlarmHistory source;
    private final TaskRunner runner;
    private final I18n i18n;
    private final TableView<AlarmHistory.HistoryRow> table = new TableView<>();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final Label message = new Label();
    private List<AlarmHistory.HistoryRow> rows = List.of();

    public HistoryView(AlarmHistory source, TaskRunner runner, I18n i18n, Supplier<Long> now) {
        this.source = source;
        this.runner = runner;
        this.i18n = i18n;
        LocalDateTime end = LocalDateTime.ofInstant(Instant.ofEpochMilli(now.get()), ZoneId.systemDefault()).plusMinutes(1);
        from.setText(INPUT.format(end.minusHours(8)));
        to.setText(INPUT.format(end));
        from.setId("history-from");
        to.setId("history-to");
        from.setPrefColumnCount(11);
        to.setPrefColumnCount(11);
        Button load = button("history-load", "history.load", this::load);
        Button csv = button("history-csv", "history.exportCsv", () -> choose(TableExport.Format.CSV));
        Button xlsx = button("history-xlsx", "history.exportXlsx", () -> choose(TableExport.Format.XLSX));
        message.setId("history-message");
        message.getStyleClass().add(Styles.MESSAGE);
        HBox bar = new HBox(6, new Label(i18n.t("history.from")), from, new Label(i18n.t("history.to")), to, load, csv,
                xlsx, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        table.setId("history-table");
        table.setPlaceholder(new Label(i18n.t("history.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col("history.col.time", r -> SHOWN.format(Instant.ofEpochMilli(r.timeMillis())), 130);
        col("alarms.col.tag", AlarmHistory.HistoryRow::tag, 100);
        // on screen in the reader's language; the export keeps the stored codes (machine-readable)
        col("alarms.col.type", r -> i18n.code("alarms.type.", r.alarm()), 60);
        col("alarms.col.grade", r -> i18n.t("alarms.grade.short." + r.grade()), 50);
        col("history.col.event", r -> i18n.code("history.event.", r.event()), 90);
        col("history.col.transition", r -> i18n.code("alarms.state.", r.fromState()) + " → "
                + i18n.code("alarms.state.", r.toState()), 200);
        col("history.col.user", r -> r.user() + (r.role() == null ? "" : " (" + i18n.code("role.", r.role()) + ")"), 140);
        col("history.col.comment", AlarmHistory.HistoryRow::comment, 160);
        setTop(bar);
        setCenter(table);
        // loaded when the operator opens the history, not at start-up
    }

    private Button button(String id, String key, Runnable r) {
        return Controls.actionButton(i18n, id, key, r);
    }

    private void col(String key, Function<AlarmHistory.HistoryRow, String> f, double w) {
        Controls.textColumn(table, i18n, key, f, w);
    }

    /** Loads the journal rows of the chosen range. */
    public void load() {
        long[] range = range();
        if (range == null) {
            return;
        }
        runner.run(() -> source.query(range[0], range[1], LIMIT), r -> {
            rows = r;
            table.setItems(FXCollections.observableArrayList(r));
            message.getStyleClass().setAll("label", Styles.MESSAGE);
            message.setText(i18n.t("history.count", r.size()));
        }, e -> error(i18n.t("history.failed", com.vigil.ui.kit.FailureTexts.describe(i18n, e))));
    }

    private long[] range() {
        try {
            long f = LocalDateTime.parse(from.getText().trim(), INPUT).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            long t = LocalDateTime.parse(to.getText().trim(), INPUT).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            if (t <= f) {
                error(i18n.t("history.badRange"));
                return null;
            }
            return new long[] {f, t};
        } catch (DateTimeParseException e) {
            error(i18n.t("history.badTime", e.getParsedString()));
            return null;
        }
    }

    private void choose(TableExport.Format format) {
        FileChooser fc = new FileChooser();
        String ext = format == TableExport.Format.CSV ? "csv" : "xlsx";
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(), "*." + ext));
        fc.setInitialFileName("vigil-alarm-journal." + ext);
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            export(f.toPath(), format);
        }
    }

    /** Exports the rows shown to {@code file}; reports the result in the view. */
    public void export(Path file, TableExport.Format format) {
        List<AlarmHistory.HistoryRow> snapshot = rows;
        runner.run(() -> {
            try {
                TableExport.write(file, format, header(), cells(snapshot));
                return snapshot.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, n -> {
            message.getStyleClass().setAll("label", Styles.MESSAGE);
            message.setText(i18n.t("history.exported", n, file.toString()));
        }, e -> error(i18n.t("history.exportFailed", file.toString(), com.vigil.ui.kit.FailureTexts.describe(i18n, e))));
    }

    List<String> header() {
        return List.of("time", "tag", "alarm", "grade", "event", "from_state", "to_state", "user", "role", "comment", "tiers");
    }

    static List<List<Object>> cells(List<AlarmHistory.HistoryRow> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (AlarmHistory.HistoryRow r : rows) {
            out.add(List.of(Instant.ofEpochMilli(r.timeMillis()).toString(), r.tag(), r.alarm(), r.grade(), r.event(),
                    r.fromState(), r.toState(), nz(r.user()), nz(r.role()), nz(r.comment()), nz(r.tiers())));
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void error(String text) {
        message.getStyleClass().setAll("label", Styles.MESSAGE_ERROR);
        message.setText(text);
    }

    public TableView<AlarmHistory.HistoryRow> table() {
        return table;
    }

    public Label message() {
        return message;
    }
}
