package com.vigil.app.console;

import com.vigil.accounts.AccountException;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.Session;
import com.vigil.app.runtime.AssetModelAdmin;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.online.OnlineCompositeRules;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the early warning runs with: the active multivariate asset models (where they came from, per asset the
 * detector and the tags) and the plant's composite rules with their live state; engineers and administrators
 * retrain the models here (a configuration change with a comment, in the audit trail). Other roles see the view
 * with the retrain form disabled and the reason shown.
 */
public final class EarlyWarningView extends BorderPane {
    /** One asset model row. */
    public record ModelRow(String asset, String label, String detector, int tagCount, String tags) { }

    /** One composite rule row ({@code source}: plant file or console, in the UI language). */
    public record RuleRow(String id, String source, int grade, String message, String when, String state) { }

    private final VigilRuntime runtime;
    private final AccountService accounts;
    private final Supplier<Session> session;
    private final TaskRunner runner;
    private final I18n i18n;
    private final AssetModelAdmin admin;
    private final String lang;
    private final Label summary = new Label();
    private final Label message = new Label();
    private final Label presence = new Label();
    private final TableView<ModelRow> models = new TableView<>();
    private final TableView<RuleRow> rules = new TableView<>();
    private final TextField comment = new TextField();
    private final Spinner<Integer> days = new Spinner<>(1, 7, 3);
    private final Spinner<Integer> hours = new Spinner<>(1, 720, 24);
    private final javafx.scene.control.ToggleGroup sourceGroup = new javafx.scene.control.ToggleGroup();
    private final javafx.scene.control.RadioButton simulated = new javafx.scene.control.RadioButton();
    private final javafx.scene.control.RadioButton history = new javafx.scene.control.RadioButton();
    private final Button retrain;
    private final RuleEditor editor;
    private final javafx.scene.control.ToggleButton modelsPage = new javafx.scene.control.ToggleButton();
    private final javafx.scene.control.ToggleButton rulesPage = new javafx.scene.control.ToggleButton();
    private VigilRuntime.ActiveModels shown;
    private long lastRulesRefresh;
    private boolean busy;
    private boolean reselecting;
    private String pendingSelect;
    private final FxPulse pulse;
    private final FxPulse.Updater updater = this::refresh;

    public EarlyWarningView(VigilRuntime runtime, AccountService accounts, Supplier<Session> session, TaskRunner runner,
                            I18n i18n, FxPulse pulse) {
        this.runtime = runtime;
        this.accounts = accounts;
        this.session = session;
        this.runner = runner;
        this.i18n = i18n;
        this.admin = new AssetModelAdmin(runtime);
        this.lang = i18n.chinese() ? "zh" : "en";
        setId("early-warning-view");
        getStyleClass().add(Styles.APP);

        Label title = new Label(i18n.t("ew.title"));
        title.getStyleClass().add(Styles.PANEL_TITLE);
        summary.setId("ew-summary");
        summary.getStyleClass().add(Styles.SESSION_USER);
        javafx.scene.control.ToggleGroup pages = new javafx.scene.control.ToggleGroup();
        modelsPage.setText(i18n.t("ew.page.models"));
        modelsPage.setId("ew-page-models");
        rulesPage.setText(i18n.t("ew.page.rules"));
        rulesPage.setId("ew-page-rules");
        for (javafx.scene.control.ToggleButton b : List.of(modelsPage, rulesPage)) {
            b.setToggleGroup(pages);
            b.getStyleClass().add(Styles.VIEW_TOGGLE);
        }
        modelsPage.setSelected(true);
        pages.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one page is always shown
            }
        });
        HBox bar = new HBox(12, title, modelsPage, rulesPage, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);
        setTop(bar);

        models.setId("ew-models");
        models.getStyleClass().add(Styles.DATA_TABLE);
        models.setPlaceholder(new Label(i18n.t("ew.models.none")));
        models.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col(models, "ew.col.asset", ModelRow::asset, 120);
        col(models, "ew.col.label", ModelRow::label, 90);
        col(models, "ew.col.detector", ModelRow::detector, 90);
        col(models, "ew.col.tagCount", r -> String.valueOf(r.tagCount()), 70);
        col(models, "ew.col.tags", ModelRow::tags, 400);

        rules.setId("ew-rules");
        rules.getStyleClass().add(Styles.DATA_TABLE);
        rules.setPlaceholder(new Label(i18n.t("ew.rules.none")));
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col(rules, "ew.col.rule", RuleRow::id, 200);
        col(rules, "ew.col.source", RuleRow::source, 90);
        col(rules, "ew.col.grade", r -> String.valueOf(r.grade()), 50);
        col(rules, "ew.col.state", RuleRow::state, 110);
        col(rules, "ew.col.message", RuleRow::message, 280);
        col(rules, "ew.col.when", RuleRow::when, 420);

        Label modelsTitle = new Label(i18n.t("ew.models.title"));
        modelsTitle.getStyleClass().add(Styles.PANEL_TITLE);
        Label rulesTitle = new Label(i18n.t("ew.rules.title"));
        rulesTitle.getStyleClass().add(Styles.PANEL_TITLE);
        VBox modelsBox = new VBox(4, modelsTitle, models);
        presence.setId("ew-presence");
        presence.getStyleClass().add(Styles.SESSION_USER);
        HBox rulesHead = new HBox(16, rulesTitle, presence);
        rulesHead.setAlignment(Pos.BASELINE_LEFT);
        VBox rulesBox = new VBox(4, rulesHead, rules);
        VBox.setVgrow(models, Priority.ALWAYS);
        VBox.setVgrow(rules, Priority.ALWAYS);
        this.editor = new RuleEditor(runtime.ruleBook(), accounts, session, runner, i18n);
        rules.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            // a row replaced by the once-a-second refresh (its state changed) is the same rule: what the engineer is
            // typing stays; only choosing another rule loads it
            if (!reselecting && now != null && (was == null || !was.id().equals(now.id())) && !editor.show(now.id())
                    && was != null) {
                // unsaved changes in the editor: the table points at the rule being edited again (next pulse)
                pendingSelect = was.id();
            }
        });
        SplitPane rulesSplit = new SplitPane(rulesBox, editor);
        rulesSplit.setOrientation(Orientation.VERTICAL);
        rulesSplit.setDividerPositions(0.45);

        comment.setId("ew-comment");
        comment.setPromptText(i18n.t("ew.comment.prompt"));
        comment.setPrefColumnCount(40);
        days.setId("ew-days");
        days.setPrefWidth(80);
        hours.setId("ew-hours");
        hours.setPrefWidth(90);
        hours.setEditable(true);
        // typed text that is not a number keeps the previous value (the default converter would throw)
        hours.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Math.max(1, Math.min(720, Integer.parseInt(text.strip())));
                } catch (NumberFormatException e) {
                    return hours.getValue();
                }
            }
        });
        simulated.setId("ew-source-sim");
        simulated.setText(i18n.t("ew.source.sim"));
        simulated.setToggleGroup(sourceGroup);
        history.setId("ew-source-historian");
        history.setText(i18n.t("ew.source.historian"));
        history.setToggleGroup(sourceGroup);
        simulated.setSelected(true);
        retrain = Controls.actionButton(i18n, "ew-retrain", "ew.retrain", this::retrain);
        message.setId("ew-message");
        message.getStyleClass().add(Styles.MESSAGE);
        message.setWrapText(true);
        Label retrainTitle = new Label(i18n.t("ew.retrain.title"));
        retrainTitle.getStyleClass().add(Styles.PANEL_TITLE);
        Label hint = new Label(i18n.t("ew.retrain.hint"));
        hint.getStyleClass().add(Styles.FORM_HINT);
        hint.setWrapText(true);
        HBox simRow = new HBox(8, simulated, days, new Label(i18n.t("ew.days")));
        simRow.setAlignment(Pos.CENTER_LEFT);
        HBox histRow = new HBox(8, history, hours, new Label(i18n.t("ew.hours")));
        histRow.setAlignment(Pos.CENTER_LEFT);
        HBox form = new HBox(8, comment, retrain);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox retrainBox = new VBox(6, retrainTitle, hint, simRow, histRow, form, message);
        retrainBox.getStyleClass().add(Styles.ACTION_BAR);
        retrainBox.setPadding(new Insets(6, 10, 10, 10));
        VBox modelsPane = new VBox(modelsBox, retrainBox);
        VBox.setVgrow(modelsBox, Priority.ALWAYS);
        // both pages stay in the scene; the toggles show one
        modelsPane.visibleProperty().bind(modelsPage.selectedProperty());
        rulesSplit.visibleProperty().bind(rulesPage.selectedProperty());
        setCenter(new javafx.scene.layout.StackPane(modelsPane, rulesSplit));

        this.pulse = pulse;
        refresh();
        pulse.add(updater);
    }

    /** Stops refreshing (the window closed). */
    public void dispose() {
        pulse.remove(updater);
    }

    private <R> void col(TableView<R> table, String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = Controls.textColumn(table, i18n, key, value, width);
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                // long conditions and tag lists are cut by the column: the whole text on hover
                setTooltip(empty || v == null || v.isEmpty() ? null : new javafx.scene.control.Tooltip(v));
            }
        });
    }

    /** Called by the pulse: the model table when the active set changed, the rule states once a second. */
    void refresh() {
        VigilRuntime.ActiveModels active = runtime.activeModels();
        if (active != shown) {
            shown = active;
            models.getItems().setAll(modelRows(active));
            summary.setText(active == null ? i18n.t("ew.summary.none")
                    : i18n.t("ew.summary", active.models().size(), origin(active),
                            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(active.since())));
        }
        long now = System.currentTimeMillis();
        if (now - lastRulesRefresh >= 1000) {
            lastRulesRefresh = now;
            presence.setText(presenceText(runtime.sitePresence().present()));
            List<RuleRow> current = ruleRows();
            if (!current.equals(rules.getItems())) {
                // only on change; setAll drops the selection, so the same rule is selected again (the editor keeps
                // what is being typed)
                RuleRow selected = rules.getSelectionModel().getSelectedItem();
                rules.getItems().setAll(current);
                if (selected != null) {
                    select(selected.id());
                }
            }
        }
        if (pendingSelect != null) {
            select(pendingSelect);
            pendingSelect = null;
        }
        editor.refresh();
        Session s = session.get();
        boolean allowed = AssetModelAdmin.allowed(accounts, s);
        retrain.setDisable(busy || !allowed);
        comment.setDisable(busy || !allowed);
        days.setDisable(busy || !allowed);
        hours.setDisable(busy || !allowed);
        simulated.setDisable(busy || !allowed);
        history.setDisable(busy || !allowed);
        if (!busy && !allowed && message.getText().isEmpty()) {
            message.setText(i18n.t("ew.retrain.notAllowed"));
        } else if (allowed && message.getText().equals(i18n.t("ew.retrain.notAllowed"))) {
            message.setText("");
        }
    }

    /** Where the models came from, in the UI language. */
    private String origin(VigilRuntime.ActiveModels a) {
        String what = i18n.t("ew.origin." + a.origin().name(), a.detail());
        return a.by() == null ? what : i18n.t("ew.origin.by", what, a.by());
    }

    List<ModelRow> modelRows(VigilRuntime.ActiveModels active) {
        List<ModelRow> out = new ArrayList<>();
        if (active == null) {
            return out;
        }
        PlantDefinition plant = runtime.plant();
        for (Map.Entry<String, EarlyWarningModel> e : new java.util.TreeMap<>(active.models()).entrySet()) {
            String asset = e.getKey();
            String prefix = asset + ".";
            List<String> cols = e.getValue().columns();
            String tags = String.join(", ", cols.stream().map(c -> c.startsWith(prefix) ? c.substring(prefix.length()) : c).toList());
            out.add(new ModelRow(asset, plant.equipmentLabel(asset), e.getValue().detector().kind(), cols.size(), tags));
        }
        return out;
    }

    List<RuleRow> ruleRows() {
        com.vigil.app.runtime.RuleBook book = runtime.ruleBook();
        List<RuleRow> out = new ArrayList<>();
        java.util.Set<String> running = new java.util.HashSet<>();
        for (OnlineCompositeRules.Status st : runtime.rules().status()) {
            PlantDefinition.RuleDef def = book.def(st.id()).orElse(null);
            if (def == null) {
                continue;
            }
            running.add(st.id());
            String state = st.error() != null ? i18n.t("ew.state.error", st.error())
                    : st.raised() ? i18n.t("ew.state.raised")
                    : st.condition() == null ? i18n.t("ew.state.unknown")
                    : st.condition() ? i18n.t("ew.state.pending") : i18n.t("ew.state.normal");
            out.add(row(def, book.inPlantFile(def.id()) ? i18n.t("ew.source.plantFile") : i18n.t("ew.source.console"), state));
        }
        // the console's rules that do not run: switched off, or not possible with this plant file
        for (com.vigil.persistence.rules.ConsoleRuleRow r : book.consoleRules()) {
            if (running.contains(r.id()) && !book.inPlantFile(r.id())) {
                continue;
            }
            var problem = book.problems().get(r.id());
            String why = r.enabled() && problem != null ? RuleTexts.problem(i18n, r.id(), problem) : null;
            out.add(row(com.vigil.app.runtime.RuleBook.toDef(r), i18n.t(r.enabled() ? "ew.source.console" : "ew.source.consoleOff"),
                    why != null ? i18n.t("ew.state.cannotRun", why) : i18n.t("ew.state.off")));
        }
        return out;
    }

    /** Selects the rule's row without loading it into the editor again. */
    private void select(String ruleId) {
        reselecting = true;
        try {
            for (int i = 0; i < rules.getItems().size(); i++) {
                if (rules.getItems().get(i).id().equals(ruleId)) {
                    rules.getSelectionModel().select(i);
                    return;
                }
            }
        } finally {
            reselecting = false;
        }
    }

    private RuleRow row(PlantDefinition.RuleDef def, String source, String state) {
        return new RuleRow(def.id(), source, def.grade(), def.message(lang), def.when().replaceAll("\\s+", " ").trim(), state);
    }

    /** What the rules' operator_present is now, and who makes it so (every console on this database). */
    String presenceText(List<com.vigil.app.runtime.SitePresence.Present> present) {
        if (present.isEmpty()) {
            return i18n.t("ew.presence.no");
        }
        List<String> who = new java.util.ArrayList<>();
        for (com.vigil.app.runtime.SitePresence.Present p : present) {
            String user = p.userName() == null ? "?" : p.userName();
            who.add(p.here() ? i18n.t("ew.presence.here", user, p.host()) : i18n.t("ew.presence.at", user, p.host()));
        }
        return i18n.t("ew.presence.yes", String.join(i18n.chinese() ? "、" : ", ", who));
    }

    /** Shows the rules page (tests, screenshots). */
    public void showRules() {
        rulesPage.setSelected(true);
    }

    /** The rule editor's message line (tests). */
    public String ruleMessage() {
        return editor.message();
    }

    /** Retrains in the background; the comment is kept when it fails. */
    void retrain() {
        Session s = session.get();
        if (busy || s == null) {
            return;
        }
        String why = comment.getText();
        if (why == null || why.isBlank()) {
            message.setText(i18n.t("ew.comment.required"));
            comment.requestFocus();
            return;
        }
        hours.getValueFactory().setValue(hours.getValueFactory().getConverter().fromString(hours.getEditor().getText()));
        AssetModelAdmin.Source from = history.isSelected() ? new AssetModelAdmin.RecentHistory(hours.getValue())
                : new AssetModelAdmin.SimulatedDays(days.getValue());
        busy = true;
        message.setText(history.isSelected() ? i18n.t("ew.retrain.runningHistorian", hours.getValue())
                : i18n.t("ew.retrain.running", days.getValue()));
        refresh();
        runner.run(() -> {
            try {
                return admin.retrain(accounts, s, from, why);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, outcome -> {
            busy = false;
            comment.clear();
            message.setText(i18n.t("ew.retrain.done", outcome.models()));
            refresh();
        }, error -> {
            busy = false;
            Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            message.setText(e instanceof AccountException ae && ae.reason() == AccountException.Reason.NOT_ALLOWED
                    ? i18n.t("ew.retrain.notAllowed") : i18n.t("ew.retrain.failed", com.vigil.ui.kit.FailureTexts.describe(i18n, e)));
            refresh();
        });
    }

    /** The message line (tests). */
    public String message() {
        return message.getText();
    }
}
