package com.vigil.ui.alarms;

import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The alarm list: grade badge (colour + number), time, area, tag, description, alarm, value/limit and
 * state; unacknowledged rows bold. Acknowledge selected or all, with an optional comment; the result is
 * shown only after the engine has committed the journal.
 */
public final class AlarmListView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AlarmListViewModel model;
    private final AlarmCommands commands;
    private final TaskRunner runner;
    private final I18n i18n;
    private final ObservableList<AlarmRow> items = FXCollections.observableArrayList();
    private final TableView<AlarmRow> table = new TableView<>(items);
    private final Label counts = new Label();
    private final Label message = new Label();
    private final TextField comment = new TextField();
    private final Button ack = new Button();
    private final Button ackAll = new Button();

    public AlarmListView(AlarmListViewModel model, AlarmCommands commands, TaskRunner runner, I18n i18n,
                         FxPulse pulse, Consumer<String> onSelectTag) {
        this.model = model;
        this.commands = commands;
        this.runner = runner;
        this.i18n = i18n;
        getStyleClass().add(Styles.ALARM_TABLE);
        table.getStyleClass().add(Styles.ALARM_TABLE);
        table.setId("alarm-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(i18n.t("alarms.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(gradeColumn());
        table.getColumns().add(column("alarms.col.time", r -> TIME.format(Instant.ofEpochMilli(r.sinceMillis())), 70));
        table.getColumns().add(column("alarms.col.area", AlarmRow::area, 90));
        table.getColumns().add(column("alarms.col.tag", AlarmRow::tag, 110));
        table.getColumns().add(column("alarms.col.description", AlarmRow::description, 180));
        table.getColumns().add(column("alarms.col.type", AlarmRow::type, 50));
        table.getColumns().add(column("alarms.col.value", AlarmRow::valueText, 120));
        table.getColumns().add(column("alarms.col.state", r -> i18n.t("alarms.state." + r.state())
                + (r.tierText() == null || r.tierText().isEmpty() ? "" : " · " + r.tierText()), 150));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(AlarmRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(Styles.ALARM_ROW_UNACK, Styles.ALARM_ROW_RTN);
                if (!empty && row != null) {
                    if (row.unacknowledged()) {
                        getStyleClass().add(Styles.ALARM_ROW_UNACK);
                    }
                    if ("RTN_UNACK".equals(row.state())) {
                        getStyleClass().add(Styles.ALARM_ROW_RTN);
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onSelectTag.accept(b.tag());
            }
        });

        Label title = new Label(i18n.t("alarms.title"));
        title.getStyleClass().add(Styles.PANEL_TITLE);
        ack.setText(i18n.t("alarms.ack"));
        ack.setId("ack-selected");
        ack.getStyleClass().add(Styles.ACTION_BUTTON);
        ack.setOnAction(e -> acknowledge(table.getSelectionModel().getSelectedItems().stream()
                .filter(AlarmRow::unacknowledged).map(AlarmRow::id).toList()));
        ackAll.setText(i18n.t("alarms.ackAll"));
        ackAll.setId("ack-all");
        ackAll.getStyleClass().add(Styles.ACTION_BUTTON);
        ackAll.setOnAction(e -> acknowledge(model.unacknowledgedIds()));
        comment.setPromptText(i18n.t("alarms.comment"));
        comment.setId("ack-comment");
        comment.setPrefColumnCount(18);
        message.setId("alarm-message");
        message.getStyleClass().add(Styles.MESSAGE);
        HBox top = new HBox(10, title, counts);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, ack, ackAll, comment, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        setTop(top);
        setCenter(table);
        setBottom(actions);
        actions.setStyle("-fx-padding: 6 0 0 0;");
        pulse.add(this::refresh);
        refresh();
    }

    private TableColumn<AlarmRow, AlarmRow> gradeColumn() {
        TableColumn<AlarmRow, AlarmRow> c = new TableColumn<>(i18n.t("alarms.col.grade"));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setPrefWidth(56);
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(AlarmRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                badge.setText(i18n.t("alarms.grade." + row.grade()));
                badge.getStyleClass().setAll("label", Styles.GRADE_BADGE, Styles.GRADE_BADGE_N + row.grade());
                setGraphic(badge);
            }
        });
        return c;
    }

    private TableColumn<AlarmRow, String> column(String key, java.util.function.Function<AlarmRow, String> f, double w) {
        TableColumn<AlarmRow, String> c = new TableColumn<>(i18n.t(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        c.setSortable(false); // one order, applied to the snapshot in the view model
        return c;
    }

    /** Replaces the whole list when the engine changed (no per-row property churn). */
    void refresh() {
        List<AlarmRow> rows = model.refresh();
        if (rows == null) {
            return;
        }
        Set<String> selected = new HashSet<>();
        table.getSelectionModel().getSelectedItems().forEach(r -> selected.add(r.id()));
        items.setAll(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (selected.contains(rows.get(i).id())) {
                table.getSelectionModel().select(i);
            }
        }
        counts.setText(i18n.t("alarms.count", rows.size(), model.unacknowledgedCount()));
    }

    private void acknowledge(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ack.setDisable(true);
        ackAll.setDisable(true);
        String text = comment.getText();
        runner.run(() -> commands.acknowledge(ids, text), result -> {
            ack.setDisable(false);
            ackAll.setDisable(false);
            message.getStyleClass().setAll("label", result.refusals().isEmpty() ? Styles.MESSAGE : Styles.MESSAGE_ERROR);
            message.setText(result.refusals().isEmpty() ? i18n.t("alarms.acked", result.done())
                    : i18n.t("alarms.refused", String.join("; ", result.refusals())));
            comment.clear();
            refresh();
        }, error -> {
            ack.setDisable(false);
            ackAll.setDisable(false);
            // the comment stays in the field: nothing the operator typed is lost
            message.getStyleClass().setAll("label", Styles.MESSAGE_ERROR);
            message.setText(i18n.t("alarms.ackFailed", error.getMessage()));
        });
    }

    public TableView<AlarmRow> table() {
        return table;
    }

    public Label message() {
        return message;
    }
}
