package com.vigil.app;

import static com.vigil.app.FxTests.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.DemoAccounts;
import com.vigil.accounts.Session;
import com.vigil.accounts.UserInfo;
import com.vigil.app.console.MainWindow;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.model.Role;
import com.vigil.ui.accounts.LoginView;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The console's log-in, first-administrator, user-management and wall-screen flows through the real window and
 * screens, on a real SQLite database in a temporary directory (the demo plant server is not started: the flows
 * need only the accounts).
 */
@ExtendWith(ApplicationExtension.class)
class AccountsUiIT {
    static final String ADMIN_PW = "Correct-Horse-42";
    static final String OPERATOR_PW = "Operator-Pass-1";

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
        if (pulse != null) {
            pulse.stop();
        }
        FxTests.hideOtherWindows(stage);
        if (runtime != null) {
            runtime.close();
        }
    }


    /**
     * The console on {@code db} (null: the demo database), after {@code prepare} ran on its account service;
     * returns when the log-in screen shows.
     */
    private AccountService open(Path db, Consumer<AccountService> prepare) throws Exception {
        runtime = new VigilRuntime(new VigilRuntime.Options(dir, 0, 42, 1.0, db));
        AccountService service = runtime.accounts().get(60, TimeUnit.SECONDS).service();
        prepare.accept(service);
        pulse = new FxPulse(10);
        fx(() -> {
            window = new MainWindow(runtime, new I18n(Locale.ENGLISH), TaskRunner.background(), pulse,
                    new RecordingSink(), Clock.systemUTC());
            stage.setScene(window.scene());
            stage.setWidth(1600);
            stage.setHeight(900);
            stage.show();
            stage.toFront();
            return null;
        });
        pulse.start();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.gate().cover() instanceof LoginView));
        return service;
    }

    private Optional<Node> node(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery();
    }

    /** Shown on screen: the node and all its parents are visible. */
    private boolean shown(FxRobot robot, String query) throws Exception {
        Optional<Node> n = node(robot, query);
        if (n.isEmpty()) {
            return false;
        }
        return fx(() -> {
            for (Node x = n.get(); x != null; x = x.getParent()) {
                if (!x.isVisible()) {
                    return false;
                }
            }
            return n.get().getScene() != null;
        });
    }

    private String text(FxRobot robot, String query) throws Exception {
        Node n = node(robot, query).orElseThrow(() -> new AssertionError("no " + query));
        return fx(() -> n instanceof Label l ? l.getText() : ((TextField) n).getText());
    }

    private void type(FxRobot robot, String field, String s) {
        robot.clickOn(field);
        robot.interact(() -> ((TextField) robot.lookup(field).query()).clear());
        robot.write(s);
    }

    private Session waitForSession() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.gate().session() != null
                && !window.gate().covered()));
        return fx(() -> window.gate().session());
    }

    private void waitForMessage(FxRobot robot, String query, String start) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, query).startsWith(start));
    }

    @Test
    void firstAdminOnAFreshDatabaseThenTheAdminCreatesAnOperator(FxRobot robot) throws Exception {
        Path db = dir.resolve("plant.db");
        AccountService service = open(db, s -> { });

        // a normal database: no demo accounts, no demo log-in, the first-administrator form instead
        assertTrue(fx(() -> ((LoginView) window.gate().cover()).firstAdmin()), "first-admin form on a fresh DB");
        assertFalse(service.isDemoDatabase());
        assertTrue(service.users().isEmpty(), "no demo accounts in a --db database");
        assertTrue(node(robot, "#login-demo").isEmpty(), "no demo account list");
        assertTrue(fx(() -> isDisabledInTree(window.alarms())), "the console cannot be used before log-in");

        type(robot, "#admin-user", "admin");
        type(robot, "#admin-display", "Plant Admin");
        type(robot, "#admin-password", "short");
        type(robot, "#admin-password2", "short");
        robot.clickOn("#admin-create");
        assertEquals("The password must have at least 10 characters.", text(robot, "#login-message"));
        type(robot, "#admin-password", ADMIN_PW);
        type(robot, "#admin-password2", ADMIN_PW + "x");
        robot.clickOn("#admin-create");
        assertEquals("The two passwords differ.", text(robot, "#login-message"));
        assertTrue(service.needsFirstAdmin(), "nothing created yet");
        type(robot, "#admin-password2", ADMIN_PW);
        robot.clickOn("#admin-create");

        Session admin = waitForSession();
        assertEquals("admin", admin.userName());
        assertEquals(Role.ADMIN, admin.actor().role());
        assertFalse(admin.demo());
        assertEquals("admin (administrator)", text(robot, "#session-user"));
        assertFalse(shown(robot, "#session-demo"), "not a demo session");
        assertEquals("admin", fx(() -> window.actor().user()), "the alarm engine acts as the logged-in user");
        assertTrue(shown(robot, "#ack-selected"), "alarm actions for a workstation session");

        // user management: create an operator
        robot.clickOn("#open-users");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.usersView() != null
                && window.usersView().table().getItems().size() == 1));
        type(robot, "#new-user", "op.li");
        type(robot, "#new-display", "Li Operator");
        type(robot, "#new-password", OPERATOR_PW);
        type(robot, "#new-password2", OPERATOR_PW);
        robot.clickOn("#user-create");
        waitForMessage(robot, "#users-message", "Created op.li (operator).");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.usersView().table().getItems().stream()
                .anyMatch(u -> u.userName().equals("op.li"))));
        UserInfo row = fx(() -> window.usersView().table().getItems().stream()
                .filter(u -> u.userName().equals("op.li")).findFirst().orElseThrow());
        assertEquals(Role.OPERATOR, row.role());
        assertTrue(row.enabled());
        assertFalse(row.demo());
        assertEquals("Li Operator", row.displayName());

        // the same name again is refused in the window, and what was typed stays
        type(robot, "#new-user", "op.li");
        type(robot, "#new-password", OPERATOR_PW);
        type(robot, "#new-password2", OPERATOR_PW);
        robot.clickOn("#user-create");
        waitForMessage(robot, "#users-message", "Refused: the user name op.li is taken.");
        assertEquals("op.li", text(robot, "#new-user"));

        // a role change needs a reason for the audit trail
        robot.interact(() -> window.usersView().table().getSelectionModel().select(row));
        robot.interact(() -> ((javafx.scene.control.ComboBox<Role>) robot.lookup("#user-role").query())
                .setValue(Role.SHIFT_LEADER));
        robot.clickOn("#user-change-role");
        assertEquals("Give a reason in the comment field; it goes into the audit trail.",
                text(robot, "#users-message"));
        type(robot, "#user-comment", "promoted to shift leader");
        robot.clickOn("#user-change-role");
        waitForMessage(robot, "#users-message", "op.li is now shift leader.");
        assertEquals(Role.SHIFT_LEADER, service.user("op.li").orElseThrow().role());

        // the audit trail in the SQLite file (plain JDBC) has the user-management entries, by the admin
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement st = c.prepareStatement("SELECT user_name, user_role, outcome, after_value, comment "
                     + "FROM audit_log WHERE target = 'op.li' AND action = ? ORDER BY seq")) {
            st.setString(1, "USER_CREATE");
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "USER_CREATE audited");
                assertEquals("admin", rs.getString(1));
                assertEquals("ADMIN", rs.getString(2));
                assertEquals("DONE", rs.getString(3));
                assertEquals("role=OPERATOR", rs.getString(4));
                assertTrue(rs.next(), "the second attempt is audited as refused");
                assertEquals("REFUSED", rs.getString(3));
            }
            st.setString(1, "USER_ROLE_CHANGE");
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "role change audited");
                assertEquals("role=SHIFT_LEADER", rs.getString(4));
                assertEquals("promoted to shift leader", rs.getString(5));
            }
        }
        assertTrue(runtime.accounts().get().audit().verify().ok(), "audit chain intact");
    }

    private static boolean isDisabledInTree(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x.isDisabled()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void wrongPasswordSaysSoAndFiveFailuresLockTheAccount(FxRobot robot) throws Exception {
        AccountService service = open(dir.resolve("plant.db"), s -> {
            Session a = s.createFirstAdmin("admin", "Admin", ADMIN_PW.toCharArray());
            s.createUser(a, "op.li", "Li", Role.OPERATOR, OPERATOR_PW.toCharArray());
            s.logout(a);
        });
        assertFalse(fx(() -> ((LoginView) window.gate().cover()).firstAdmin()), "an admin exists: log-in form");
        assertTrue(node(robot, "#login-demo").isEmpty(), "no demo accounts on a normal database");

        type(robot, "#login-user", "op.li");
        type(robot, "#login-password", "wrong-password");
        robot.clickOn("#login-submit");
        waitForMessage(robot, "#login-message", "Wrong user name or password.");
        assertEquals("op.li", text(robot, "#login-user"), "the user name stays");
        assertEquals("", text(robot, "#login-password"), "the password field is cleared");
        assertEquals(null, fx(() -> window.gate().session()));

        for (int i = 2; i <= 5; i++) {
            type(robot, "#login-password", "wrong-password-" + i);
            robot.clickOn("#login-submit");
            if (i < 5) {
                int n = i;
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                        () -> service.user("op.li").orElseThrow().failedAttempts() == n
                                && !fx(() -> robot.lookup("#login-submit").query().isDisabled())
                                && text(robot, "#login-message").startsWith("Wrong"));
            }
        }
        waitForMessage(robot, "#login-message", "Too many failed log-ins: this account is locked until ");
        assertTrue(text(robot, "#login-message").matches(".* locked until \\d\\d:\\d\\d\\. .*"),
                text(robot, "#login-message"));
        Instant until = service.user("op.li").orElseThrow().lockedUntil();
        assertNotNull(until, "the account is locked");

        // even the right password is refused while locked (the user name is matched ignoring case)
        type(robot, "#login-user", "OP.LI");
        type(robot, "#login-password", OPERATOR_PW);
        robot.clickOn("#login-submit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#login-message").startsWith("Too many")
                && text(robot, "#login-password").isEmpty());
        assertEquals(null, fx(() -> window.gate().session()), "no session while locked");
    }

    @Test
    void wallScreenIsViewOnlyAndDemoAccountsAreMarked(FxRobot robot) throws Exception {
        AccountService service = open(null, s -> { });
        assertTrue(service.isDemoDatabase());
        assertTrue(shown(robot, "#login-demo"), "demo accounts listed on the demo database");
        assertEquals("DEMO", fx(() -> robot.lookup("#login-demo").lookup(".vigil-demo-badge").queryAs(Label.class)
                .getText()));
        for (Role r : Role.values()) {
            assertTrue(node(robot, "#demo-" + DemoAccounts.userName(r)).isPresent(), "demo button for " + r);
        }

        robot.clickOn("#login-wall");
        Session wall = waitForSession();
        assertEquals(Session.Kind.WALL_SCREEN, wall.kind());
        assertTrue(wall.viewOnly());
        assertEquals("Wall screen · view only", text(robot, "#session-user"));
        for (String action : new String[] {"#ack-selected", "#ack-all", "#confirm", "#shelve", "#unshelve", "#reset",
                "#oos", "#return", "#ack-comment", "#open-users", "#open-audit", "#change-password",
                "#lock-session"}) {
            assertFalse(shown(robot, action), action + " must not show on a wall screen");
        }
        assertTrue(shown(robot, "#logout"), "the wall screen can be left");
        // a wall screen never locks, however long nobody touches it
        assertFalse(wall.isLocked(Instant.now().plus(Duration.ofDays(1))));
        robot.interact(() -> window.gate().checkIdle());
        assertFalse(fx(() -> window.gate().covered()));

        // log out, then a demo shift leader: marked DEMO, with the alarm actions
        robot.clickOn("#logout");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.gate().cover() instanceof LoginView));
        // the log-in screen is shown at once; the session is ended (and audited) by a background task
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, wall::ended);
        robot.clickOn("#demo-" + DemoAccounts.userName(Role.SHIFT_LEADER));
        Session leader = waitForSession();
        assertEquals(Role.SHIFT_LEADER, leader.actor().role());
        assertTrue(leader.demo());
        assertTrue(shown(robot, "#session-demo"), "the toolbar marks a demo session");
        assertEquals("DEMO", text(robot, "#session-demo"));
        assertTrue(shown(robot, "#ack-selected"), "a shift leader at a workstation gets the alarm actions");
        assertFalse(shown(robot, "#change-password"), "demo accounts have no password");
        assertTrue(fx(() -> isDisabledInTree(robot.lookup("#open-users").query())),
                "user management needs USER_MANAGEMENT");
    }

    private void logIn(FxRobot robot, String user, String password) {
        type(robot, "#login-user", user);
        type(robot, "#login-password", password);
        robot.clickOn("#login-submit");
    }

    @Test
    void theAuditTrailNeedsAuditExportAndClosesOnLock(FxRobot robot) throws Exception {
        AccountService service = open(dir.resolve("plant.db"), s -> {
            Session a = s.createFirstAdmin("admin", "Admin", ADMIN_PW.toCharArray());
            s.createUser(a, "sl.wang", "Wang", Role.SHIFT_LEADER, OPERATOR_PW.toCharArray());
            s.logout(a);
        });

        // a shift leader may not export the audit trail, so the window does not open for them
        logIn(robot, "sl.wang", OPERATOR_PW);
        waitForSession();
        assertTrue(fx(() -> isDisabledInTree(robot.lookup("#open-audit").query())), "audit trail needs AUDIT_EXPORT");
        assertEquals(null, fx(() -> window.auditView()));
        robot.clickOn("#logout");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.gate().cover() instanceof LoginView));

        // the administrator may; the export goes through the service and is audited
        logIn(robot, "admin", ADMIN_PW);
        waitForSession();
        int windows = fx(() -> javafx.stage.Window.getWindows().size());
        robot.clickOn("#open-audit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.auditView() != null
                && !window.auditView().table().getItems().isEmpty()));
        Path csv = dir.resolve("audit.csv");
        robot.interact(() -> window.auditView().export(csv));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> service.audit().find(new AuditFilter(null, null, "admin",
                Set.of("AUDIT_EXPORT")), 10).size() == 1);
        List<AuditEntry> exports = service.audit().find(new AuditFilter(null, null, "admin", Set.of("AUDIT_EXPORT")),
                10);
        assertEquals("DONE", exports.get(0).outcome());
        // the entry is recorded once the data is written and flushed; the view closes the file after it
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> java.nio.file.Files.readString(csv).contains("sl.wang"));

        // the password screen leaves the window open; the lock closes it
        robot.interact(() -> window.gate().changePassword());
        assertNotNull(fx(() -> window.auditView()), "not closed by the password screen");
        robot.interact(() -> window.gate().lockNow());
        assertEquals(null, fx(() -> window.auditView()), "closed by the lock");
        assertEquals(windows, fx(() -> javafx.stage.Window.getWindows().size()), "the audit window is gone");
    }
}
