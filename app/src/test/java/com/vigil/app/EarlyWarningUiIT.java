package com.vigil.app;

import static com.vigil.app.FxTests.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.DemoAccounts;
import com.vigil.accounts.Session;
import com.vigil.app.console.EarlyWarningView;
import com.vigil.app.console.MainWindow;
import com.vigil.app.runtime.AssetModelStore;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.model.Role;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.warning.online.AssetModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The early-warning window: it lists the active asset models and the plant's composite rules with their state; an
 * operator may look but not retrain; an engineer retrains from the window (comment required), the new models are
 * active at once, saved to DATA_DIR/models and the change is in the audit trail. Real SQLite database, real window.
 */
@ExtendWith(ApplicationExtension.class)
class EarlyWarningUiIT {
    @TempDir
    Path dir;

    private Stage stage;
    private VigilRuntime runtime;
    private MainWindow window;
    private FxPulse pulse;

    @Start
    void start(Stage s) {
        this.stage = s;
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("vigil.assetModels");
        if (pulse != null) {
            pulse.stop();
        }
        FxTests.hideOtherWindows(stage);
        if (runtime != null) {
            runtime.close();
        }
    }


    /** The console on the runtime, in English, with its pulse running, once the account service is there. */
    private void showConsole() throws Exception {
        pulse = new FxPulse(10);
        fx(() -> {
            window = new MainWindow(runtime, new I18n(Locale.ENGLISH), TaskRunner.background(), pulse,
                    new RecordingSink(), Clock.systemUTC());
            stage.setScene(window.scene());
            stage.setWidth(1600);
            stage.setHeight(900);
            stage.show();
            return null;
        });
        pulse.start();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.gate().service() != null));
    }

    private String label(FxRobot robot, String query) throws Exception {
        Label l = robot.lookup(query).queryAs(Label.class);
        return fx(l::getText);
    }

    @Test
    void operatorLooksEngineerRetrainsWithAComment(FxRobot robot) throws Exception {
        runtime = new VigilRuntime(new VigilRuntime.Options(dir, 0, 42, 1.0));
        AccountService service = runtime.accounts().get(60, TimeUnit.SECONDS).service();
        // a small model set is active (as after a start): two assets trained on 2 h of simulated normal operation
        List<String> notes = new ArrayList<>();
        var initial = new java.util.TreeMap<>(AssetModelStore.trainOnSimulatedDays(runtime.plant(), 5, 1, 2,
                AssetModels.DEFAULT_DETECTOR, notes));
        initial.keySet().retainAll(Set.of("RX.R201", "PS.P401"));
        runtime.activateAssetModels(initial, "test set");
        showConsole();

        // an operator opens the window: models and rules are listed, retraining is refused in the form
        Session operator = service.loginDemo(DemoAccounts.userName(Role.OPERATOR)).session();
        robot.interact(() -> window.gate().begin(operator));
        // R-201 is hot: the unattended rule then hangs on operator_present, which follows the console's session
        long t = System.currentTimeMillis();
        runtime.rules().onBatch(List.of(com.vigil.model.Sample.good("RX.R201.TT", t, 180),
                com.vigil.model.Sample.good("RX.R202.TT", t, 150), com.vigil.model.Sample.good("RX.R203.TT", t, 150)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Boolean.FALSE.equals(unattendedCondition()));
        robot.clickOn("#open-early-warning");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.earlyWarningView() != null));
        EarlyWarningView view = fx(() -> window.earlyWarningView());
        @SuppressWarnings("unchecked")
        TableView<EarlyWarningView.ModelRow> models = robot.lookup("#ew-models").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        TableView<EarlyWarningView.RuleRow> rules = robot.lookup("#ew-rules").queryAs(TableView.class);
        assertEquals(List.of("PS.P401", "RX.R201"), fx(() -> models.getItems().stream().map(EarlyWarningView.ModelRow::asset).toList()));
        EarlyWarningView.ModelRow r201 = fx(() -> models.getItems().get(1));
        assertEquals("R-201", r201.label());
        assertTrue(r201.tags().contains("TT") && r201.tags().contains("CWF"), r201.tags());
        assertTrue(label(robot, "#ew-summary").startsWith("2 asset models active · test set"), label(robot, "#ew-summary"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> rules.getItems().size() == 4));
        EarlyWarningView.RuleRow unattended = fx(() -> rules.getItems().get(0));
        assertEquals("reactor-hot-unattended", unattended.id());
        assertEquals(1, unattended.grade());
        assertEquals("Reactor temperature above H and nobody at the console for 2 min", unattended.message());
        assertEquals("Normal", unattended.state(), "an operator is signed in: 'not operator_present' is false");
        assertEquals("RX.R201:heating-without-cooling", fx(() -> rules.getItems().get(1).id()));
        assertEquals("Unknown (no good value)", fx(() -> rules.getItems().get(1).state()),
                "no samples yet: the reactor temperature is unknown");
        assertTrue(fx(() -> robot.lookup("#ew-retrain").queryAs(Button.class).isDisabled()), "operators cannot retrain");
        assertEquals("Retraining is a configuration change: engineers and administrators only.", view.message());

        // the operator's session ends; an engineer signs in and retrains
        robot.interact(() -> window.gate().logout());
        assertTrue(fx(() -> window.earlyWarningView() == null), "the window closed with the session");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(unattendedCondition()));
        Session engineer = service.loginDemo(DemoAccounts.userName(Role.ENGINEER)).session();
        robot.interact(() -> window.gate().begin(engineer));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Boolean.FALSE.equals(unattendedCondition()));
        robot.clickOn("#open-early-warning");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.earlyWarningView() != null));
        EarlyWarningView ev = fx(() -> window.earlyWarningView());
        assertFalse(fx(() -> robot.lookup("#ew-retrain").queryAs(Button.class).isDisabled()));
        assertEquals("", ev.message());
        robot.interact(() -> robot.lookup("#ew-days").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(1));
        robot.clickOn("#ew-retrain");
        assertEquals("Enter why the models are retrained: the comment goes into the audit trail.", ev.message());
        assertEquals("test set", runtime.activeModels().source(), "nothing changed without a comment");
        // the historian is not open in this test (no plant connection): the failure is shown, the input kept, the
        // previous models stay active and the attempt is in the audit trail
        robot.clickOn("#ew-source-historian");
        robot.clickOn("#ew-comment").write("try the recorded week");
        robot.clickOn("#ew-retrain");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(ev::message).startsWith("Retraining failed"));
        assertEquals("Retraining failed; the previous models stay active: the historian is not open yet", ev.message());
        assertEquals("try the recorded week", fx(() -> robot.lookup("#ew-comment").queryAs(javafx.scene.control.TextField.class).getText()));
        assertEquals("test set", runtime.activeModels().source());
        robot.clickOn("#ew-source-sim");
        robot.interact(() -> robot.lookup("#ew-comment").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#ew-comment").write("new catalyst batch");
        robot.clickOn("#ew-retrain");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(ev::message).endsWith("trained, active and saved."));
        VigilRuntime.ActiveModels now = runtime.activeModels();
        assertTrue(now.models().size() >= 30, "a model for most equipment: " + now.models().size());
        assertEquals("trained on 1 simulated days by " + DemoAccounts.userName(Role.ENGINEER), now.source());
        assertEquals(now.models().size() + " asset models trained, active and saved.", ev.message());
        @SuppressWarnings("unchecked")
        TableView<EarlyWarningView.ModelRow> engineerModels = robot.lookup("#ew-models").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> engineerModels.getItems().size()) == now.models().size());
        try (var files = Files.list(runtime.modelsDir())) {
            assertEquals(now.models().size(), files.filter(f -> f.toString().endsWith(AssetModels.SUFFIX)).count(),
                    "saved for the next start");
        }
        List<AuditEntry> changes = service.audit().find(new AuditFilter(null, null, null, Set.of("CONFIG_CHANGE")), 10);
        assertEquals(List.of("FAILED", "DONE"), changes.stream().map(AuditEntry::outcome).toList(), changes.toString());
        assertTrue(changes.get(0).comment().startsWith("try the recorded week (trained on the last 24 h of the historian: "
                + "the historian is not open yet)"), changes.get(0).comment());
        AuditEntry change = changes.get(1);
        assertEquals(DemoAccounts.userName(Role.ENGINEER), change.user());
        assertEquals("DONE", change.outcome());
        assertEquals("2 asset models", change.before());
        assertTrue(change.after().startsWith(now.models().size() + " asset models trained on 1 simulated days"), change.after());
        assertEquals("new catalyst batch", change.comment());
        assertTrue(service.audit().verify().ok(), "audit chain intact");
    }

    @Test
    void engineerWritesARuleCheckedWithLineAndColumnSavedRunningAndAudited(FxRobot robot) throws Exception {
        System.setProperty("vigil.assetModels", "off");
        runtime = new VigilRuntime(new VigilRuntime.Options(dir, 0, 42, 1.0));
        AccountService service = runtime.accounts().get(60, TimeUnit.SECONDS).service();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runtime.ruleBook().store() != null);
        showConsole();

        // an operator sees the rules but cannot write one
        Session operator = service.loginDemo(DemoAccounts.userName(Role.OPERATOR)).session();
        robot.interact(() -> window.gate().begin(operator));
        robot.clickOn("#open-early-warning");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.earlyWarningView() != null));
        robot.clickOn("#ew-page-rules");
        // the rules' operator_present, and who makes it true (every console on this database)
        String here = "operator_present: yes \u2014 " + DemoAccounts.userName(Role.OPERATOR) + " at "
                + VigilRuntime.station() + " (this console)";
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> here.equals(fx(() -> robot.lookup("#ew-presence")
                .queryAs(javafx.scene.control.Label.class).getText())));
        assertTrue(runtime.sitePresence().sitePresent());
        assertTrue(fx(() -> robot.lookup("#rule-save").queryAs(Button.class).isDisabled()));
        assertTrue(fx(() -> robot.lookup("#rule-new").queryAs(Button.class).isDisabled()));
        assertEquals("Writing rules is a configuration change: engineers and administrators only.",
                fx(() -> window.earlyWarningView().ruleMessage()));
        robot.interact(() -> window.gate().logout());

        Session engineer = service.loginDemo(DemoAccounts.userName(Role.ENGINEER)).session();
        robot.interact(() -> window.gate().begin(engineer));
        robot.clickOn("#open-early-warning");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.earlyWarningView() != null));
        EarlyWarningView ev = fx(() -> window.earlyWarningView());
        robot.clickOn("#ew-page-rules");
        robot.clickOn("#rule-new");
        robot.clickOn("#rule-id").write("r201-hot-rising");
        robot.clickOn("#rule-when").write("RX.R201.TT > 170 and\nrate(RX.R201.TT 5m) > 0.5");
        robot.clickOn("#rule-message-en").write("R-201 hot and still rising");
        robot.clickOn("#rule-check");
        assertEquals("Condition, line 2, column 17: expected ',' and a time window, e.g. rate(RX.R201.TT, 5m), found '5m'.",
                ev.ruleMessage());
        javafx.scene.control.TextArea when = robot.lookup("#rule-when").queryAs(javafx.scene.control.TextArea.class);
        assertEquals("RX.R201.TT > 170 and\nrate(RX.R201.TT ".length(), (int) fx(when::getCaretPosition), "the caret is on the mistake");
        // fixed; saving needs a comment, and nothing typed is lost meanwhile
        robot.interact(() -> when.setText("RX.R201.TT > 170 and\nrate(RX.R201.TT, 5m) > 0.5"));
        robot.clickOn("#rule-save");
        assertEquals("Enter why the rule is written or changed: the comment goes into the audit trail.", ev.ruleMessage());
        assertEquals("R-201 hot and still rising",
                fx(() -> robot.lookup("#rule-message-en").queryAs(javafx.scene.control.TextField.class).getText()));
        assertTrue(runtime.ruleBook().consoleRules().isEmpty());
        robot.clickOn("#rule-comment").write("catch the runaway before HH");
        robot.clickOn("#rule-save");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(ev::ruleMessage).startsWith("Rule r201-hot-rising saved"));
        assertTrue(runtime.rules().ids().contains("r201-hot-rising"), "running at once");
        @SuppressWarnings("unchecked")
        TableView<EarlyWarningView.RuleRow> rules = robot.lookup("#ew-rules").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> rules.getItems().stream()
                .anyMatch(r -> r.id().equals("r201-hot-rising") && r.source().equals("Console"))));
        AuditEntry change = service.audit().find(new AuditFilter(null, null, null, Set.of("CONFIG_CHANGE")), 10).get(0);
        assertEquals("DONE", change.outcome());
        assertEquals("composite rule r201-hot-rising", change.target());
        assertEquals("catch the runaway before HH", change.comment());

        // an unsaved change is not thrown away by a click in the table
        robot.interact(() -> when.appendText(" and RX.R201.CWF < 45"));
        robot.interact(() -> rules.getSelectionModel().select(0));
        assertEquals("The editor has unsaved changes: save them, or press New rule to drop them, then choose the rule again.",
                ev.ruleMessage());
        assertEquals("RX.R201.TT > 170 and\nrate(RX.R201.TT, 5m) > 0.5 and RX.R201.CWF < 45", fx(when::getText));
        robot.clickOn("#rule-new");
        assertEquals("", fx(when::getText), "New rule drops the change");

        // a plant-file rule is shown read-only
        robot.interact(() -> rules.getSelectionModel().clearSelection());
        robot.interact(() -> rules.getSelectionModel().select(0));
        assertEquals("reactor-hot-unattended", fx(() -> rules.getItems().get(0).id()));
        assertTrue(fx(() -> robot.lookup("#rule-save").queryAs(Button.class).isDisabled()));
        assertTrue(ev.ruleMessage().startsWith("This rule is in the plant file"), ev.ruleMessage());
    }

    private Boolean unattendedCondition() {
        return runtime.rules().status().stream().filter(r -> r.id().equals("reactor-hot-unattended")).findFirst()
                .orElseThrow().condition();
    }
}
