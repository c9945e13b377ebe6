package com.vigil.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private final Fixture f = new Fixture();

    private List<String> actions() {
        return f.auditStore.page(0, Long.MIN_VALUE, 10_000).stream().map(e -> e.action() + ":" + e.outcome()).toList();
    }

    @Test
    void firstStartHasNoAccountAndNoDefaultPassword() {
        assertTrue(f.service.needsFirstAdmin());
        assertFalse(f.service.login("admin", "admin".toCharArray()).ok());
        assertFalse(f.service.login("admin", "".toCharArray()).ok());
        AccountException e = assertThrows(AccountException.class,
                () -> f.service.createFirstAdmin("admin", "", "short".toCharArray()));
        assertTrue(e.getMessage().contains("at least 10"), e.getMessage());
        Session s = f.admin();
        assertEquals(Role.ADMIN, s.actor().role());
        assertFalse(f.service.needsFirstAdmin());
        assertThrows(AccountException.class, () -> f.service.createFirstAdmin("admin2", "", "Another-Pass-1".toCharArray()));
        assertTrue(f.service.login("admin", Fixture.ADMIN_PW.toCharArray()).ok());
        assertTrue(f.service.login("ADMIN", Fixture.ADMIN_PW.toCharArray()).ok(), "user names ignore case");
    }

    @Test
    void lockOutAfterFiveFailuresAndUnlockAfterThePeriod() {
        f.admin();
        for (int i = 1; i <= 4; i++) {
            LoginResult r = f.service.login("admin", "wrong-password".toCharArray());
            assertEquals(LoginResult.Failure.BAD_CREDENTIALS, r.failure(), "attempt " + i);
        }
        LoginResult fifth = f.service.login("admin", "wrong-password".toCharArray());
        assertEquals(LoginResult.Failure.LOCKED, fifth.failure());
        // even the right password is refused while locked
        assertEquals(LoginResult.Failure.LOCKED, f.service.login("admin", Fixture.ADMIN_PW.toCharArray()).failure());
        f.clock.advance(Duration.ofMinutes(14));
        assertEquals(LoginResult.Failure.LOCKED, f.service.login("admin", Fixture.ADMIN_PW.toCharArray()).failure());
        f.clock.advance(Duration.ofMinutes(1));
        assertTrue(f.service.login("admin", Fixture.ADMIN_PW.toCharArray()).ok(), "unlocked after 15 min");
        assertEquals(0, f.service.user("admin").orElseThrow().failedAttempts());
        assertTrue(actions().contains("USER_LOCKED_OUT:DONE"));
        assertEquals(5 + 2, actions().stream().filter(a -> a.startsWith("LOGIN_FAILED")).count());
    }

    @Test
    void afterALockExpiresTheCountStartsAgain() {
        f.admin();
        for (int i = 0; i < 5; i++) {
            f.service.login("admin", "wrong-password".toCharArray());
        }
        f.clock.advance(Duration.ofMinutes(16));
        assertEquals(LoginResult.Failure.BAD_CREDENTIALS,
                f.service.login("admin", "wrong-password".toCharArray()).failure());
        assertEquals(1, f.service.user("admin").orElseThrow().failedAttempts());
    }

    @Test
    void successResetsTheFailureCount() {
        f.admin();
        for (int i = 0; i < 4; i++) {
            f.service.login("admin", "wrong-password".toCharArray());
        }
        assertTrue(f.service.login("admin", Fixture.ADMIN_PW.toCharArray()).ok());
        for (int i = 0; i < 4; i++) {
            assertEquals(LoginResult.Failure.BAD_CREDENTIALS,
                    f.service.login("admin", "wrong-password".toCharArray()).failure());
        }
    }

    @Test
    void administratorUnlocksEarly() {
        Session admin = f.admin();
        f.service.createUser(admin, "li.wei", "李伟", Role.OPERATOR, "Operator-Pass-1".toCharArray());
        for (int i = 0; i < 5; i++) {
            f.service.login("li.wei", "nope-nope-nope".toCharArray());
        }
        assertTrue(f.service.user("li.wei").orElseThrow().lockedAt(f.clock.instant()));
        f.service.unlockAccount(admin, "li.wei", "phoned the shift leader");
        assertTrue(f.service.login("li.wei", "Operator-Pass-1".toCharArray()).ok());
        assertTrue(actions().contains("USER_UNLOCK:DONE"));
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        f.admin();
        LoginResult a = f.service.login("nobody", "whatever-123".toCharArray());
        LoginResult b = f.service.login("admin", "whatever-123".toCharArray());
        assertEquals(a.failure(), b.failure());
        assertEquals(a.message(), b.message());
        AuditEntry unknown = f.auditStore.bySeq(f.audit.count() - 1).orElseThrow();
        assertEquals("LOGIN_FAILED", unknown.action());
        assertEquals(AccountService.UNKNOWN, unknown.user(), "a typed name that is no account is not recorded");
        assertFalse(String.valueOf(unknown.target()).contains("nobody"));
    }

    @Test
    void passwordChangeNeedsTheOldPasswordAndFollowsThePolicy() {
        Session admin = f.admin();
        f.service.createUser(admin, "zhang.san.01", "张三", Role.SHIFT_LEADER, "Initial-Pass-1".toCharArray());
        Session s = f.service.login("zhang.san.01", "Initial-Pass-1".toCharArray()).session();
        assertThrows(AccountException.class,
                () -> f.service.changePassword(s, "not-the-old-one".toCharArray(), "Brand-New-Pass-1".toCharArray()));
        AccountException tooShort = assertThrows(AccountException.class,
                () -> f.service.changePassword(s, "Initial-Pass-1".toCharArray(), "short-1".toCharArray()));
        assertTrue(tooShort.getMessage().contains("at least 10"));
        AccountException name = assertThrows(AccountException.class,
                () -> f.service.changePassword(s, "Initial-Pass-1".toCharArray(), "Zhang.San.01".toCharArray()));
        assertTrue(name.getMessage().contains("user name"), name.getMessage());
        assertThrows(AccountException.class,
                () -> f.service.changePassword(s, "Initial-Pass-1".toCharArray(), "Initial-Pass-1".toCharArray()));
        f.service.changePassword(s, "Initial-Pass-1".toCharArray(), "Brand-New-Pass-1".toCharArray());
        assertFalse(f.service.login("zhang.san.01", "Initial-Pass-1".toCharArray()).ok());
        assertTrue(f.service.login("zhang.san.01", "Brand-New-Pass-1".toCharArray()).ok());
        assertTrue(actions().contains("PASSWORD_CHANGE:DONE"));
        assertTrue(actions().contains("PASSWORD_CHANGE:REFUSED"));
    }

    @Test
    void workstationSessionLocksAfterInactivityAndUnlocksWithThePassword() {
        Session s = f.admin();
        assertFalse(s.isLocked(f.clock.instant()));
        f.clock.advance(Duration.ofMinutes(9));
        s.touch(f.clock.instant());
        f.clock.advance(Duration.ofMinutes(9));
        assertFalse(s.isLocked(f.clock.instant()), "activity restarted the idle time");
        f.clock.advance(Duration.ofMinutes(1));
        assertTrue(s.isLocked(f.clock.instant()));
        s.touch(f.clock.instant());
        assertTrue(s.isLocked(f.clock.instant()), "input while locked does not unlock");
        assertTrue(f.service.refusal(s, ProtectedAction.USER_MANAGEMENT, "x").orElseThrow().contains("locked"));
        assertFalse(f.service.unlockSession(s, "wrong-password".toCharArray()).ok());
        assertTrue(f.service.unlockSession(s, Fixture.ADMIN_PW.toCharArray()).ok());
        assertFalse(s.isLocked(f.clock.instant()));
        f.service.lockSession(s);
        assertTrue(s.isLocked(f.clock.instant()));
        assertTrue(actions().contains("SESSION_LOCK:DONE"));
        assertTrue(actions().contains("SESSION_UNLOCK:DONE"));
    }

    @Test
    void wallScreenIsViewOnlyAndNeverLocks() {
        Session wall = f.service.startWallScreen("hall-1");
        assertTrue(wall.viewOnly());
        assertEquals(Role.VIEWER, wall.actor().role());
        f.clock.advance(Duration.ofDays(2));
        assertFalse(wall.isLocked(f.clock.instant()));
        for (ProtectedAction a : ProtectedAction.values()) {
            assertTrue(f.service.refusal(wall, a, "x").isPresent(), a.name());
        }
        assertTrue(actions().contains("VIEW_SESSION_START:DONE"));
    }

    @Test
    void quickUserSwitchAtASharedDeskIsAudited() {
        Session admin = f.admin();
        f.service.createUser(admin, "op.day", "", Role.OPERATOR, "Day-Shift-Pass".toCharArray());
        f.service.createUser(admin, "op.night", "", Role.OPERATOR, "Night-Shift-Pass".toCharArray());
        Session day = f.service.login("op.day", "Day-Shift-Pass".toCharArray()).session();
        LoginResult wrong = f.service.switchUser(day, "op.night", "bad-password".toCharArray(), "handover");
        assertFalse(wrong.ok());
        assertFalse(day.ended(), "a failed switch keeps the current user");
        LoginResult r = f.service.switchUser(day, "op.night", "Night-Shift-Pass".toCharArray(), "handover 20:00");
        assertTrue(r.ok());
        assertTrue(day.ended());
        assertTrue(day.isLocked(f.clock.instant()));
        assertEquals("op.night", r.session().userName());
        AuditEntry e = f.audit.head().orElseThrow();
        assertEquals("USER_SWITCH", e.action());
        assertEquals("op.day/OPERATOR", e.before());
        assertEquals("op.night/OPERATOR", e.after());
        assertEquals("handover 20:00", e.comment());
    }

    @Test
    void demoAccountsOnlyInADemoDatabase() {
        // a fresh database that the caller declares demo
        List<UserInfo> demo = f.service.prepareDemo();
        assertEquals(Role.values().length, demo.size());
        assertTrue(demo.stream().allMatch(UserInfo::demo));
        assertEquals(List.of("demo-admin", "demo-engineer", "demo-maintenance", "demo-operator", "demo-safety-manager",
                "demo-shift-leader", "demo-viewer"), demo.stream().map(UserInfo::userName).sorted().toList());
        Session s = f.service.loginDemo("demo-shift-leader").session();
        assertTrue(s.demo());
        assertEquals(Role.SHIFT_LEADER, s.actor().role());
        assertFalse(f.service.login("demo-operator", "".toCharArray()).ok(), "no password log-in for demo accounts");
        assertFalse(f.service.loginDemo("nobody").ok());
        f.service.prepareDemo(); // idempotent
        assertEquals(Role.values().length, f.service.users().size());
    }

    @Test
    void aRealDatabaseRefusesDemoAccountsAndDemoLogIn() {
        Session admin = f.admin();
        assertThrows(AccountException.class, () -> f.service.prepareDemo());
        assertFalse(f.service.isDemoDatabase());
        assertTrue(f.service.users().stream().noneMatch(UserInfo::demo));
        AccountException e = assertThrows(AccountException.class, () -> f.service.createUser(admin, "demo-operator", "",
                Role.OPERATOR, "Some-Password-1".toCharArray()));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        LoginResult r = f.service.loginDemo("demo-operator");
        assertEquals(LoginResult.Failure.NOT_ALLOWED, r.failure());
        assertTrue(actions().contains("DEMO_SETUP:REFUSED"));
        assertThrows(IllegalStateException.class, () -> f.users.insert(new UserAccount("demo-x", "", Role.OPERATOR,
                null, true, true, 0, null, null, f.clock.instant())), "the store refuses too");
    }

    @Test
    void userManagementNeedsAdminAndIsAudited() {
        Session admin = f.admin();
        f.service.createUser(admin, "eng", "", Role.ENGINEER, "Engineer-Pass-1".toCharArray());
        Session eng = f.service.login("eng", "Engineer-Pass-1".toCharArray()).session();
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> f.service.createUser(eng, "x.y", "", Role.ADMIN, "Whatever-Pass-1".toCharArray()));
        assertEquals(ProtectedAction.USER_MANAGEMENT, denied.action());
        assertTrue(actions().contains("USER_MANAGEMENT:REFUSED"));

        f.service.changeRole(admin, "eng", Role.SAFETY_MANAGER, "promoted");
        AuditEntry e = f.audit.head().orElseThrow();
        assertEquals("USER_ROLE_CHANGE", e.action());
        assertEquals("role=ENGINEER", e.before());
        assertEquals("role=SAFETY_MANAGER", e.after());
        assertEquals(Role.SAFETY_MANAGER, f.service.login("eng", "Engineer-Pass-1".toCharArray()).session().actor().role());

        f.service.setEnabled(admin, "eng", false, "left the company");
        assertEquals(LoginResult.Failure.DISABLED, f.service.login("eng", "Engineer-Pass-1".toCharArray()).failure());
        f.service.setEnabled(admin, "eng", true, "back");
        f.service.resetPassword(admin, "eng", "Reset-Pass-123".toCharArray(), "forgot");
        assertTrue(f.service.login("eng", "Reset-Pass-123".toCharArray()).ok());
        AccountException last = assertThrows(AccountException.class, () -> f.service.setEnabled(admin, "admin", false, "oops"),
                "the last administrator stays");
        assertEquals(AccountException.Reason.LAST_ADMIN, last.reason(), "a reason the screens translate");
        assertEquals(AccountException.Reason.LAST_ADMIN,
                assertThrows(AccountException.class, () -> f.service.changeRole(admin, "admin", Role.OPERATOR, "oops")).reason());
        AccountException taken = assertThrows(AccountException.class,
                () -> f.service.createUser(admin, "eng", "", Role.OPERATOR, "Another-Pass-123".toCharArray()));
        assertEquals(AccountException.Reason.NAME_TAKEN, taken.reason());
        assertEquals(List.of("eng"), taken.args());
        assertEquals(AccountException.Reason.NOT_ALLOWED, denied.reason());
        for (String a : List.of("USER_CREATE:DONE", "USER_ROLE_CHANGE:DONE", "USER_DISABLE:DONE", "USER_ENABLE:DONE",
                "PASSWORD_RESET:DONE", "USER_DISABLE:REFUSED", "USER_ROLE_CHANGE:REFUSED")) {
            assertTrue(actions().contains(a), a + " in " + actions());
        }
    }

    @Test
    void everyAuditActionTypeCanBeRecordedAndLogInStepsAreAudited() {
        Session admin = f.admin();
        f.service.login("admin", "bad-bad-bad".toCharArray());
        Session s = f.service.login("admin", Fixture.ADMIN_PW.toCharArray()).session();
        f.service.logout(s);
        assertTrue(s.ended());
        List<String> a = actions();
        assertTrue(a.containsAll(List.of("USER_CREATE:DONE", "LOGIN:DONE", "LOGIN_FAILED:FAILED", "LOGOUT:DONE")), a.toString());
        for (AuditAction act : AuditAction.values()) {
            f.audit.record(admin.actor(), act, "target-" + act, "b", "a", "c");
            AuditEntry e = f.audit.head().orElseThrow();
            assertEquals(act.name(), e.action());
            assertEquals("admin", e.user());
            assertEquals("ADMIN", e.role());
            assertEquals("target-" + act, e.target());
            assertNotNull(e.hash());
        }
        assertTrue(f.audit.verify().ok());
    }

    @Test
    void exportNeedsPermissionAndIsAudited() throws Exception {
        Session admin = f.admin();
        java.io.StringWriter w = new java.io.StringWriter();
        long n = f.service.exportAudit(admin, AuditFilter.ALL, w);
        assertEquals(n + 1, w.toString().lines().count());
        assertEquals("AUDIT_EXPORT", f.audit.head().orElseThrow().action());
        f.service.createUser(admin, "op", "", Role.OPERATOR, "Operator-Pass-1".toCharArray());
        Session op = f.service.login("op", "Operator-Pass-1".toCharArray()).session();
        assertThrows(AccessDeniedException.class, () -> f.service.exportAudit(op, AuditFilter.ALL, new java.io.StringWriter()));
    }

    @Test
    void accountToStringNeverShowsTheHash() {
        f.admin();
        UserAccount a = f.users.find("admin").orElseThrow();
        assertTrue(a.passwordHash().startsWith("$argon2id$"));
        assertFalse(a.toString().contains(a.passwordHash()));
        assertFalse(a.toString().contains("argon2"));
    }
}
