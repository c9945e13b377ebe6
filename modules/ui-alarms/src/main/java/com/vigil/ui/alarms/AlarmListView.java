package com.vigil.ui.alarms;

import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The alarm list: grade badge (colour + number), time, area, tag, description, alarm, value/limit,
 * state, tier progress and duration; unacknowledged rows bold. Filters by area, grade and text; the
 * shelved / suppressed / out-of-service lists and the journal history one click away. Actions go to
 * the alarm engine through {@link AlarmCommands}; the result is shown only after the journal commit.
 * In an alarm flood the list gives way to the flood summary (first-out, counts by area).
 */
public final class AlarmListView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Shelve presets offered first; custom durations up to the maximum may be typed. */
    public static final List<Duration> SHELVE_PRESETS = List.of(Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(8));

    private final AlarmListViewModel model;
    private final AlarmSource source;
    private final AlarmCommands commands;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Supplier<Long> now;
    private final ObservableList<AlarmRow> items = FXCollections.observableArrayList();
    private final TableView<AlarmRow> table = new TableView<>(items);
    private final Label message = new Label();
    private final TextField comment = new TextField();
    private final TextField search = new TextField();
    private final ComboBox<String> area = new ComboBox<>();
    private final ComboBox<String> shelveFor = new ComboBox<>();
    private final ToggleButton[] gradeToggles = new ToggleButton[5];
    private final ToggleButton viewActive = new ToggleButton();
    private final ToggleButton viewShelved = new ToggleButton();
    private final ToggleButton viewSuppressed = new ToggleButton();
    private final ToggleButton viewOos = new ToggleButton();
    private final ToggleButton viewHistory = new ToggleButton();
    private final List<Button> actions = new ArrayList<>();
    private final BorderPane body = new BorderPane();
    private final VBox floodPane = new VBox(6);
    private final HistoryView history;
    private boolean showRowsDuringFlood;
    private boolean inFlood;

    public AlarmListView(AlarmListViewModel model, AlarmSource source, AlarmCommands commands, AlarmHistory historySource,
                         TaskRunner runner, I18n i18n, FxPulse pulse, Consumer<AlarmRow> onSelect, Supplier<Long> now) {
        this.model = model;
        this.source = source;
        this.commands = commands;
        this.runner = runner;
        this.i18n = i18n;
        this.now = now;
        getStyleClass().add(Styles.ALARM_TABLE);
        this.history = new HistoryView(historySource, runner, i18n, now);
        buildTable(onSelect);
        setTop(new VBox(4, filterBar(), viewBar()));
        body.setCenter(table);
        setCenter(body);
        setBottom(actionBar());
        floodPane.setId("flood-summary");
        floodPane.getStyleClass().add(Styles.FLOOD);
        pulse.add(this::refresh);
        refresh();
    }

    private void buildTable(Consumer<AlarmRow> onSelect) {
        table.getStyleClass().add(Styles.ALARM_TABLE);
        table.setId("alarm-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(i18n.t("alarms.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(gradeColumn());
        table.getColumns().add(column("alarms.col.time", r -> TIME.format(Instant.ofEpochMilli(r.sinceMillis())), 64));
        table.getColumns().add(column("alarms.col.area", AlarmRow::area, 80));
        table.getColumns().add(column("alarms.col.tag", AlarmRow::tag, 100));
        table.getColumns().add(column("alarms.col.description", AlarmRow::description, 170));
        table.getColumns().add(column("alarms.col.type", AlarmRow::type, 64));
        table.getColumns().add(column("alarms.col.value", AlarmRow::valueText, 110));
        table.getColumns().add(column("alarms.col.state", this::stateText, 130));
        table.getColumns().add(column("alarms.col.tier", this::tierText, 170));
        table.getColumns().add(column("alarms.col.duration", r -> duration(now.get() - r.sinceMillis()), 60));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(AlarmRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(Styles.ALARM_ROW_UNACK, Styles.ALARM_ROW_RTN);
                if (!empty && row != null) {
                    if (row.unacknowledged()) {
                        getStyleClass().add(Styles.ALARM_ROW_UNACK);
                    }
                    if (!row.active()) {
                        getStyleClass().add(Styles.ALARM_ROW_RTN);
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onSelect.accept(b);
            }
        });
    }

    String stateText(AlarmRow r) {
        String s = i18n.t("alarms.state." + r.state());
        if (r.shelvedUntilMillis() > 0) {
            s += " · " + i18n.t("alarms.until", TIME.format(Instant.ofEpochMilli(r.shelvedUntilMillis())));
        }
        return s;
    }

    String tierText(AlarmRow r) {
        List<String> parts = new ArrayList<>();
        if (!r.tierDone().isEmpty()) {
            parts.add(i18n.t("alarms.tier.done", r.tierDone()));
        }
        if (!r.tierDue().isEmpty()) {
            parts.add(i18n.t("alarms.tier.due", r.tierDue())); // never "…": it reads as cut-off text
        }
        return String.join("  ", parts);
    }

    static String duration(long millis) {
        long s = Math.max(0, millis / 1000);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02d", s / 3600, (s % 3600) / 60);
    }

    private Node filterBar() {
        Label title = new Label(i18n.t("alarms.title"));
        title.getStyleClass().add(Styles.PANEL_TITLE);
        HBox grades = new HBox(2);
        for (int g = 1; g <= 4; g++) {
            ToggleButton t = new ToggleButton();
            t.setId("grade-filter-" + g);
            t.getStyleClass().addAll(Styles.GRADE_TOGGLE, Styles.GRADE_BADGE_N + g);
            final int grade = g;
            t.setOnAction(e -> applyFilter());
            t.setUserData(grade);
            gradeToggles[g] = t;
            grades.getChildren().add(t);
        }
        area.setId("area-filter");
        area.setPromptText(i18n.t("alarms.filter.area"));
        area.setOnAction(e -> applyFilter());
        search.setId("alarm-search");
        search.setPromptText(i18n.t("alarms.filter.text"));
        search.setPrefColumnCount(12);
        search.textProperty().addListener((o, a, b) -> applyFilter());
        HBox bar = new HBox(8, title, grades, area, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node viewBar() {
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton b : List.of(viewActive, viewShelved, viewSuppressed, viewOos, viewHistory)) {
            b.setToggleGroup(group);
            b.getStyleClass().add(Styles.VIEW_TOGGLE);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true); // one view is always chosen
                }
                if (b == viewHistory) {
                    history.load();
                }
                applyFilter();
            });
        }
        viewActive.setId("view-active");
        viewShelved.setId("view-shelved");
        viewSuppressed.setId("view-suppressed");
        viewOos.setId("view-oos");
        viewHistory.setId("view-history");
        viewHistory.setText(i18n.t("alarms.view.history"));
        viewActive.setSelected(true);
        HBox bar = new HBox(4, viewActive, viewShelved, viewSuppressed, viewOos, viewHistory);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node actionBar() {
        Button ack = action("ack-selected", "alarms.ack", () -> run(selectedIds(r -> r.unacknowledged()),
                (ids, c) -> commands.acknowledge(ids, c), "alarms.done.ack"));
        Button ackAll = action("ack-all", "alarms.ackAll", () -> run(model.unacknowledgedVisibleIds(),
                (ids, c) -> commands.acknowledge(ids, c), "alarms.done.ack"));
        Button confirm = action("confirm", "alarms.confirm", () -> run(selectedIds(AlarmRow::confirmDue),
                (ids, c) -> commands.confirm(ids, c), "alarms.done.confirm"));
        Button shelve = action("shelve", "alarms.shelve", this::shelveSelected);
        Button unshelve = action("unshelve", "alarms.unshelve", () -> run(selectedIds(r -> "SHELVED".equals(r.state())),
                (ids, c) -> commands.unshelve(ids, c), "alarms.done.unshelve"));
        Button reset = action("reset", "alarms.reset", () -> run(selectedIds(r -> "LATCHED".equals(r.state())),
                (ids, c) -> commands.reset(ids, c), "alarms.done.reset"));
        Button oos = action("oos", "alarms.oos", () -> run(selectedIds(r -> true),
                (ids, c) -> commands.removeFromService(ids, c), "alarms.done.oos"));
        Button ret = action("return", "alarms.return", () -> run(selectedIds(r -> "OUT_OF_SERVICE".equals(r.state())),
                (ids, c) -> commands.returnToService(ids, c), "alarms.done.return"));
        shelveFor.setId("shelve-duration");
        shelveFor.setEditable(true);
        for (Duration d : SHELVE_PRESETS) {
            shelveFor.getItems().add(label(d));
        }
        shelveFor.getSelectionModel().select(0);
        shelveFor.setPrefWidth(90);
        comment.setPromptText(i18n.t("alarms.comment"));
        comment.setId("ack-comment");
        comment.setPrefColumnCount(16);
        message.setId("alarm-message");
        message.getStyleClass().add(Styles.MESSAGE);
        message.setWrapText(true);
        FlowPane buttons = new FlowPane(6, 6, ack, ackAll, confirm, shelve, shelveFor, unshelve, reset, oos, ret);
        HBox commentRow = new HBox(8, comment, message);
        HBox.setHgrow(message, Priority.ALWAYS);
        commentRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, buttons, commentRow);
        box.getStyleClass().add(Styles.ACTION_BAR);
        return box;
    }

    private Button action(String id, String key, Runnable r) {
        Button b = Controls.actionButton(i18n, id, key, r);
        actions.add(b);
        return b;
    }

    private String label(Duration d) {
        return d.toMinutes() < 60 ? i18n.t("alarms.minutes", d.toMinutes()) : i18n.t("alarms.hours", d.toHours());
    }

    /** Parses the shelve duration field: a preset label, or a number of minutes, or e.g. "2h" / "90m". */
    Duration parseShelve(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Duration d : SHELVE_PRESETS) {
            if (label(d).toLowerCase(Locale.ROOT).equals(t)) {
                return d;
            }
        }
        try {
            if (t.endsWith("h")) {
                return Duration.ofMinutes(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60));
            }
            if (t.endsWith("m") || t.endsWith("min")) {
                return Duration.ofMinutes(Long.parseLong(t.replace("min", "").replace("m", "").trim()));
            }
            return Duration.ofMinutes(Long.parseLong(t));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void shelveSelected() {
        Duration d = parseShelve(shelveFor.getEditor().getText().isEmpty() ? shelveFor.getValue()
                : shelveFor.getEditor().getText());
        if (d == null || d.isZero() || d.isNegative() || d.compareTo(commands.maxShelve()) > 0) {
            error(i18n.t("alarms.shelve.bad", label(commands.maxShelve())));
            return;
        }
        if (comment.getText().isBlank()) {
            error(i18n.t("alarms.shelve.reason"));
            return;
        }
        run(selectedIds(r -> !"SHELVED".equals(r.state())), (ids, c) -> commands.shelve(ids, d, c), "alarms.done.shelve");
    }

    private List<String> selectedIds(java.util.function.Predicate<AlarmRow> p) {
        return table.getSelectionModel().getSelectedItems().stream().filter(p).map(AlarmRow::id).toList();
    }

    private void run(List<String> ids, java.util.function.BiFunction<List<String>, String, AlarmCommands.Result> cmd,
                     String doneKey) {
        if (ids.isEmpty()) {
            error(i18n.t("alarms.nothing"));
            return;
        }
        actions.forEach(b -> b.setDisable(true));
        String text = comment.getText();
        runner.run(() -> cmd.apply(ids, text), result -> {
            actions.forEach(b -> b.setDisable(false));
            if (result.refusals().isEmpty()) {
                message.getStyleClass().setAll("label", Styles.MESSAGE);
                message.setText(i18n.t(doneKey, result.done()));
                comment.clear();
            } else {
                // refused: the comment stays, so the operator can correct and retry without retyping
                error((result.done() > 0 ? i18n.t(doneKey, result.done()) + " " : "")
                        + i18n.t("alarms.refused", String.join("; ", result.refusals())));
            }
            refresh();
        }, e -> {
            actions.forEach(b -> b.setDisable(false));
            error(i18n.t("alarms.failed", com.vigil.ui.kit.FailureTexts.describe(i18n, e)));
        });
    }

    private void error(String text) {
        message.getStyleClass().setAll("label", Styles.MESSAGE_ERROR);
        message.setText(text);
    }

    private void applyFilter() {
        Set<Integer> grades = new HashSet<>();
        for (int g = 1; g <= 4; g++) {
            if (gradeToggles[g].isSelected()) {
                grades.add(g);
            }
        }
        String a = area.getValue();
        AlarmFilter.View view = viewShelved.isSelected() ? AlarmFilter.View.SHELVED
                : viewSuppressed.isSelected() ? AlarmFilter.View.SUPPRESSED
                : viewOos.isSelected() ? AlarmFilter.View.OUT_OF_SERVICE : AlarmFilter.View.ACTIVE;
        model.setFilter(new AlarmFilter(view, a == null || a.isEmpty() || a.equals(i18n.t("alarms.filter.allAreas"))
                ? Set.of() : Set.of(a), grades, search.getText()));
        refresh();
    }

    /** Sets the filter programmatically (tests, "jump to" from the banner). */
    public void setFilter(AlarmFilter f) {
        model.setFilter(f);
        refresh();
    }

    /** Replaces the whole list when the engine or the filter changed (no per-row property churn). */
    void refresh() {
        if (viewHistory.isSelected()) {
            body.setCenter(history);
            return;
        }
        AlarmSource.Flood flood = source.flood();
        if (flood == null) {
            showRowsDuringFlood = false; // "show rows" / a jump applies to the current flood; the next one shows its summary
        }
        boolean floodNow = flood != null && !showRowsDuringFlood;
        if (floodNow != inFlood || floodNow) {
            inFlood = floodNow;
            if (floodNow) {
                showFlood(flood);
                body.setCenter(floodPane);
            } else {
                body.setCenter(table);
            }
        } else if (body.getCenter() != table) {
            body.setCenter(table);
        }
        List<AlarmRow> rows = model.refresh();
        for (int g = 1; g <= 4; g++) {
            gradeToggles[g].setText(i18n.t("alarms.grade.toggle", i18n.t("alarms.grade." + g), model.countOfGrade(g)));
        }
        viewActive.setText(i18n.t("alarms.view.active", model.all().size() - model.shelvedCount()
                - model.suppressedCount() - model.outOfServiceCount()));
        viewShelved.setText(i18n.t("alarms.view.shelved", model.shelvedCount()));
        viewSuppressed.setText(i18n.t("alarms.view.suppressed", model.suppressedCount()));
        viewOos.setText(i18n.t("alarms.view.oos", model.outOfServiceCount()));
        if (rows == null) {
            return;
        }
        Set<String> areas = new LinkedHashSet<>();
        areas.add(i18n.t("alarms.filter.allAreas"));
        areas.addAll(model.areas());
        if (!area.getItems().equals(new ArrayList<>(areas))) {
            String keep = area.getValue();
            area.getItems().setAll(areas);
            area.setValue(keep);
        }
        Set<String> selected = new HashSet<>();
        table.getSelectionModel().getSelectedItems().forEach(r -> selected.add(r.id()));
        items.setAll(rows);
        if (!selected.isEmpty()) {
            for (int i = 0; i < rows.size(); i++) {
                if (selected.contains(rows.get(i).id())) {
                    table.getSelectionModel().select(i);
                }
            }
        }
    }

    private void showFlood(AlarmSource.Flood flood) {
        floodPane.getChildren().clear();
        Label head = new Label(i18n.t("alarms.flood.title", flood.alarmCount(),
                TIME.format(Instant.ofEpochMilli(flood.startMillis()))));
        head.getStyleClass().add(Styles.FLOOD_TITLE);
        Label first = new Label(i18n.t("alarms.flood.firstOut", flood.firstOutTag(), flood.firstOutText()));
        first.getStyleClass().add(Styles.FLOOD_FIRST_OUT);
        VBox areasBox = new VBox(2);
        flood.countsByArea().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> areasBox.getChildren().add(new Label(i18n.t("alarms.flood.area", e.getKey(), e.getValue()))));
        Button showRows = new Button(i18n.t("alarms.flood.showRows"));
        showRows.setId("flood-show-rows");
        showRows.getStyleClass().add(Styles.ACTION_BUTTON);
        showRows.setOnAction(e -> {
            showRowsDuringFlood = true;
            body.setCenter(table);
        });
        floodPane.getChildren().addAll(head, first, areasBox, showRows);
    }

    private TableColumn<AlarmRow, AlarmRow> gradeColumn() {
        TableColumn<AlarmRow, AlarmRow> c = new TableColumn<>(i18n.t("alarms.col.grade"));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setPrefWidth(66);
        c.setMinWidth(60);
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label badge = new Label();

            {
                badge.setMinWidth(Region.USE_PREF_SIZE); // a grade is never cut to "…"
            }

            @Override
            protected void updateItem(AlarmRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                // colour + shape + number: never colour alone
                badge.setText(GradeShapes.shape(row.grade()) + " " + i18n.t("alarms.grade.short." + row.grade()));
                badge.getStyleClass().setAll("label", Styles.GRADE_BADGE, Styles.GRADE_BADGE_N + row.grade());
                setGraphic(badge);
            }
        });
        return c;
    }

    private TableColumn<AlarmRow, String> column(String key, Function<AlarmRow, String> f, double w) {
        TableColumn<AlarmRow, String> c = new TableColumn<>(i18n.t(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        c.setSortable(false); // one order (grade, then newest), applied to the snapshot in the view model
        return c;
    }

    /** Selects the row of an alarm (banner "jump"); switches to the view that shows it. */
    public void reveal(String alarmId) {
        if (viewHistory.isSelected() || !viewActive.isSelected()) {
            viewActive.setSelected(true);
        }
        showRowsDuringFlood = true;
        model.setFilter(AlarmFilter.ALL);
        refresh();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(alarmId)) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return;
            }
        }
    }

    /**
     * Shows or hides the action bar (acknowledge, confirm, shelve, …): view-only sessions such as wall screens get
     * none (the engine would refuse them anyway).
     */
    public void showActions(boolean show) {
        getBottom().setVisible(show);
        getBottom().setManaged(show);
    }

    public TableView<AlarmRow> table() {
        return table;
    }

    public Label message() {
        return message;
    }

    public HistoryView history() {
        return history;
    }

    public AlarmListViewModel model() {
        return model;
    }
}
