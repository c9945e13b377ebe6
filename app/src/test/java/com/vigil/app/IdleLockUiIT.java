package com.vigil.app;

import static com.vigil.app.FxTests.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.PasswordHasher;
import com.vigil.accounts.Session;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.AccountsWiring;
import com.vigil.persistence.db.Database;
import com.vigil.ui.accounts.LockScreen;
import com.vigil.ui.accounts.LoginView;
import com.vigil.ui.accounts.SessionGate;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.ui.kit.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
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
 * The idle lock through the real session gate (the one the console uses), on a real SQLite database, with a
 * hand-driven clock shared by the account service and the gate and a 2-minute idle timeout from the policy.
 */
@ExtendWith(ApplicationExtension.class)
class IdleLockUiIT {
    static final String PW = "Correct-Horse-42";
    static final Duration IDLE = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final AtomicInteger clicks = new AtomicInteger();
    private Database db;
    private AccountsWiring.Accounts accounts;
    private SessionGate gate;
    private BorderPane console;
    private FxPulse pulse;

    @Start
    void start(Stage stage) {
        db = Database.open(dir.resolve("plant.db"));
        AccountPolicy policy = AccountPolicy.defaults().withIdleLock(IDLE)
                .withHashing(new PasswordHasher.Params(1024, 1, 1));
        accounts = AccountsWiring.open(db, clock, policy);
        AccountService service = accounts.service();
        service.logout(service.createFirstAdmin("admin", "Admin", PW.toCharArray()));
        Button act = new Button("act");
        act.setId("console-action");
        act.setOnAction(e -> clicks.incrementAndGet());
        Label alarm = new Label("TF.T101.LT HH 96 %");
        alarm.setId("console-alarm");
        eu.hansolo.tilesfx.Tile tile = eu.hansolo.tilesfx.TileBuilder.create()
                .skinType(eu.hansolo.tilesfx.Tile.SkinType.NUMBER).title("TF.T101.LT").value(96).build();
        tile.setId("console-tile");
        console = new BorderPane(act, alarm, null, tile, null);
        pulse = new FxPulse(10); // not started: the test pulses by hand
        gate = new SessionGate(console, TaskRunner.background(), new I18n(Locale.ENGLISH), pulse, clock, "desk-1");
        gate.open(service);
        Scene scene = new Scene(gate, 1000, 700);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }


    private void type(FxRobot robot, String field, String s) {
        robot.clickOn(field);
        robot.interact(() -> ((TextField) robot.lookup(field).query()).clear());
        robot.write(s);
    }

    private void idle(Duration d) throws Exception {
        clock.advance(d);
        fx(() -> {
            pulse.pulse();
            return null;
        });
    }

    private List<AuditEntry> audit(String action) {
        return accounts.audit().find(new AuditFilter(null, null, "admin", Set.of(action)), 100);
    }

    @Test
    void locksAfterTheIdleTimeoutAndUnlocksWithThePassword(FxRobot robot) throws Exception {
        assertTrue(fx(() -> gate.cover() instanceof LoginView));
        type(robot, "#login-user", "admin");
        type(robot, "#login-password", PW);
        robot.clickOn("#login-submit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> gate.session() != null && !gate.covered()));
        Session session = fx(() -> gate.session());
        assertEquals(IDLE, session.idleLock(), "the timeout comes from the account policy");

        // input on the scene counts as activity: 90 s idle, a click, 90 s more → still open
        idle(Duration.ofSeconds(90));
        assertFalse(fx(() -> gate.covered()));
        robot.clickOn("#console-action");
        assertEquals(1, clicks.get());
        idle(Duration.ofSeconds(90));
        assertFalse(fx(() -> gate.covered()), "activity 90 s ago: not idle for 2 min yet");

        // 2 min without input → the lock screen covers everything; the console cannot be used
        idle(Duration.ofSeconds(31));
        assertTrue(fx(() -> gate.cover() instanceof LockScreen), "lock screen after the idle timeout");
        assertTrue(fx(() -> console.isDisabled()), "nothing underneath can be used");
        // ... but a locked desk still shows the plant and its alarms: the label is drawn at full strength under a
        // scrim that lets most of it through (not the default disabled opacity compounded under an opaque cover)
        for (String id : List.of("#console-alarm", "#console-tile")) {
            assertEquals(1.0, fx(() -> {
                gate.applyCss();
                double o = 1;
                for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
                    o *= n.getOpacity();
                }
                return o;
            }), 1e-9, id + " keeps its opacity while locked (a TilesFX tile sets 0.4 on itself when disabled)");
        }
        double scrim = fx(() -> ((javafx.scene.paint.Color) ((javafx.scene.layout.Region) gate.cover())
                .getBackground().getFills().get(0).getFill()).getOpacity());
        assertTrue(scrim > 0.3 && scrim < 0.75, "the lock scrim dims the console but shows it: alpha " + scrim);
        assertEquals("admin (administrator)", fx(() -> robot.lookup("#lock-user").queryAs(Label.class).getText()));
        assertTrue(session.isLocked(clock.instant()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> audit("SESSION_LOCK").stream()
                .anyMatch(e -> "idle".equals(e.comment())));
        robot.clickOn("#console-action");
        assertEquals(1, clicks.get(), "a click on the covered console does nothing");
        idle(Duration.ofMinutes(5));
        assertEquals(1, audit("SESSION_LOCK").size(), "the idle lock is audited once");

        // a wrong password keeps it locked
        type(robot, "#unlock-password", "not-the-password");
        robot.clickOn("#unlock-submit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#unlock-message")
                .queryAs(Label.class).getText()).equals("Wrong user name or password."));
        assertTrue(fx(() -> gate.cover() instanceof LockScreen));

        // the right one unlocks the same session
        type(robot, "#unlock-password", PW);
        robot.clickOn("#unlock-submit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !gate.covered()));
        assertSame(session, fx(() -> gate.session()));
        assertFalse(session.isLocked(clock.instant()));
        assertFalse(fx(() -> console.isDisabled()));
        assertFalse(fx(() -> console.getStyleClass().contains(com.vigil.ui.kit.Styles.COVERED)));
        robot.clickOn("#console-action");
        assertEquals(2, clicks.get());
        assertEquals(1, audit("SESSION_UNLOCK").size());
        assertTrue(accounts.audit().verify().ok());
    }

    @Test
    void aLockedDeskIsHandedOverToTheNextUser(FxRobot robot) throws Exception {
        AccountService service = accounts.service();
        Session admin = service.login("admin", PW.toCharArray()).session();
        service.createUser(admin, "op.li", "Li", com.vigil.model.Role.OPERATOR, "Operator-Pass-1".toCharArray());
        robot.interact(() -> gate.begin(admin));
        idle(IDLE);
        assertTrue(fx(() -> gate.cover() instanceof LockScreen));

        robot.clickOn("#unlock-switch");
        assertTrue(fx(() -> gate.cover() instanceof LoginView));
        type(robot, "#login-user", "op.li");
        type(robot, "#login-password", "Operator-Pass-1");
        type(robot, "#login-comment", "night shift");
        robot.clickOn("#login-submit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> gate.session() != null
                && gate.session().userName().equals("op.li") && !gate.covered()));
        assertTrue(admin.ended(), "the outgoing session ended with the handover");
        List<AuditEntry> sw = accounts.audit().find(new AuditFilter(null, null, "op.li", Set.of("USER_SWITCH")), 10);
        assertEquals(1, sw.size());
        assertEquals("admin/ADMIN", sw.get(0).before());
        assertEquals("op.li/OPERATOR", sw.get(0).after());
        assertEquals("night shift", sw.get(0).comment());
    }

    private void fire(Node target, EventType<MouseEvent> type, double screenX, double screenY) throws Exception {
        fx(() -> {
            Event.fireEvent(target, new MouseEvent(type, 10, 10, screenX, screenY, MouseButton.NONE, 0, false, false,
                    false, false, false, false, false, true, false, false, null));
            return null;
        });
    }

    private void key(Node target, EventType<KeyEvent> type) throws Exception {
        fx(() -> {
            Event.fireEvent(target, new KeyEvent(type, "", "", KeyCode.A, false, false, false, false));
            return null;
        });
    }

    @Test
    void onlyRealInputKeepsTheSessionOpen(FxRobot robot) throws Exception {
        Session admin = accounts.service().login("admin", PW.toCharArray()).session();
        robot.interact(() -> gate.begin(admin));
        Instant start = clock.instant();
        fire(console, MouseEvent.MOUSE_MOVED, 200, 200);

        // a real move (the pointer's screen position changed) counts
        idle(Duration.ofSeconds(90));
        fire(console, MouseEvent.MOUSE_MOVED, 201, 200);
        assertEquals(start.plusSeconds(90), admin.lastActivity(), "a real move counts");

        // a key press in another watched window (user management, audit trail) counts too
        idle(Duration.ofSeconds(10));
        Button elsewhere = new Button("elsewhere");
        fx(() -> {
            gate.watch(new Scene(new BorderPane(elsewhere)));
            return null;
        });
        key(elsewhere, KeyEvent.KEY_PRESSED);
        assertEquals(start.plusSeconds(100), admin.lastActivity(), "input in a watched window counts");

        // what JavaFX synthesises under a still pointer (the scene changed underneath) does not count
        idle(Duration.ofSeconds(50));
        fire(console, MouseEvent.MOUSE_ENTERED, 201, 200);
        fire(console, MouseEvent.MOUSE_ENTERED_TARGET, 201, 200);
        fire(console, MouseEvent.MOUSE_EXITED, 201, 200);
        fire(console, MouseEvent.MOUSE_MOVED, 201, 200);
        key(console, KeyEvent.KEY_RELEASED);
        assertEquals(start.plusSeconds(100), admin.lastActivity(), "no real input since the key press");
        assertFalse(fx(() -> gate.covered()));

        // so the session locks 2 min after the last real input
        idle(Duration.ofSeconds(70));
        assertTrue(fx(() -> gate.cover() instanceof LockScreen), "locked 2 min after the last real input");
    }

    @Test
    void enterWhileAnUnlockIsCheckedDoesNotTryAgain(FxRobot robot) throws Exception {
        Session admin = accounts.service().login("admin", PW.toCharArray()).session();
        robot.interact(() -> gate.begin(admin));
        idle(IDLE);
        LockScreen lock = fx(() -> (LockScreen) gate.cover());
        type(robot, "#unlock-password", "not-the-password");
        robot.interact(() -> {
            lock.unlock(); // the first check is running …
            lock.unlock(); // … so Enter again does nothing
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#unlock-message")
                .queryAs(Label.class).getText()).equals("Wrong user name or password."));
        Thread.sleep(300);
        assertEquals(1, accounts.service().user("admin").orElseThrow().failedAttempts(), "one attempt counted");
    }

    @Test
    void theSwitchFromALockedDeskCannotEndTheLockedSession(FxRobot robot) throws Exception {
        int logouts = audit("LOGOUT").size();
        Session admin = accounts.service().login("admin", PW.toCharArray()).session();
        robot.interact(() -> gate.begin(admin));

        // from a live session the user may leave for the wall screen
        robot.interact(() -> gate.switchUser());
        assertTrue(robot.lookup("#login-wall").tryQuery().isPresent(), "wall screen offered by the live user");
        robot.clickOn("#login-cancel");
        assertFalse(fx(() -> gate.covered()));

        // from the lock screen nobody may: no wall-screen start, the locked session stays
        idle(IDLE);
        assertTrue(fx(() -> gate.cover() instanceof LockScreen));
        robot.clickOn("#unlock-switch");
        assertTrue(fx(() -> gate.cover() instanceof LoginView));
        assertTrue(robot.lookup("#login-wall").tryQuery().isEmpty(), "no wall screen on the switch from a lock");
        robot.clickOn("#login-cancel");
        assertTrue(fx(() -> gate.cover() instanceof LockScreen));
        assertSame(admin, fx(() -> gate.session()));
        assertFalse(admin.ended());
        assertEquals(logouts, audit("LOGOUT").size(), "no log-out recorded for the locked user");
    }
}
