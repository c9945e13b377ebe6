package com.vigil.accounts;

import com.vigil.model.Actor;
import com.vigil.model.Role;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Local accounts: first administrator, log-in with lock-out, sessions (workstation with idle lock, view-only
 * wall screen), quick user switch at a shared desk, password change, user management, demo accounts, and the
 * permission check other services can use. Every security-relevant step is written to the {@link AuditTrail}.
 * Passwords arrive as {@code char[]}; the caller should clear them afterwards. Nothing secret is logged or
 * stored in clear.
 */
public final class AccountService {
    private static final System.Logger LOG = System.getLogger(AccountService.class.getName());
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,64}");
    private static final Actor SYSTEM = new Actor("system", Role.ADMIN);
    /**
     * Recorded instead of a user name that matches no account: people type their password into the user field,
     * and a password must never be logged or stored in clear.
     */
    static final String UNKNOWN = "(unknown user)";

    private final UserStore users;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountPolicy policy;
    private final PasswordHasher hasher;
    private final Permissions permissions;

    public AccountService(UserStore users, AuditTrail audit, Clock clock, AccountPolicy policy) {
        this(users, audit, clock, policy, Permissions.DEFAULT);
    }

    public AccountService(UserStore users, AuditTrail audit, Clock clock, AccountPolicy policy,
                          Permissions permissions) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.permissions = permissions;
        this.hasher = new PasswordHasher(policy.hashing());
    }

    public Permissions permissions() {
        return permissions;
    }

    public AuditTrail audit() {
        return audit;
    }

    public AccountPolicy policy() {
        return policy;
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    // ---------------------------------------------------------------- first start, demo

    /** True when no real (non-demo) account exists yet: the first start must create the administrator. */
    public boolean needsFirstAdmin() {
        return users.all().stream().noneMatch(a -> !a.demo());
    }

    /**
     * Creates the first administrator with the password the user chose (there is no default password). Allowed
     * only while no real account exists. Returns a logged-in workstation session.
     */
    public synchronized Session createFirstAdmin(String userName, String displayName, char[] password) {
        if (!needsFirstAdmin()) {
            throw new AccountException(AccountException.Reason.ADMIN_EXISTS, "an administrator already exists; log in and use user management");
        }
        String name = checkNewName(userName);
        checkPassword(name, password);
        Instant now = now();
        users.insert(new UserAccount(name, displayName, Role.ADMIN, hasher.hash(password), false, true, 0, null, now,
                now));
        Actor actor = new Actor(name, Role.ADMIN);
        audit.record(actor, AuditAction.USER_CREATE, name, null, "role=ADMIN first administrator", null);
        audit.record(actor, AuditAction.LOGIN, name, null, null, null);
        return new Session(actor, Session.Kind.WORKSTATION, false, now, policy.idleLock());
    }

    public boolean isDemoDatabase() {
        return users.isDemoDatabase();
    }

    /**
     * Called by the app when it runs the demo plant on a demo database: flags a fresh database as demo
     * (permanently) and creates the missing demo accounts ({@link DemoAccounts}), one per role, without
     * password. Refused when the database already has real accounts and is not flagged demo: demo accounts
     * never exist in a real database. Returns the demo accounts.
     */
    public synchronized List<UserInfo> prepareDemo() {
        if (!users.isDemoDatabase()) {
            if (users.all().stream().anyMatch(a -> !a.demo())) {
                audit.refused(SYSTEM, AuditAction.DEMO_SETUP, "database",
                        "the database has real accounts: it cannot become a demo database");
                throw new AccountException(AccountException.Reason.REAL_ACCOUNTS, "this database has real accounts; demo accounts are only created in a "
                        + "fresh demo database");
            }
            users.markDemoDatabase();
            audit.record(SYSTEM, AuditAction.DEMO_SETUP, "database", "demo=false", "demo=true", null);
        }
        Instant now = now();
        for (Role r : Role.values()) {
            String name = DemoAccounts.userName(r);
            if (users.find(name).isEmpty()) {
                users.insert(new UserAccount(name, DemoAccounts.displayName(r), r, null, true, true, 0, null, null, now));
                audit.record(SYSTEM, AuditAction.USER_CREATE, name, null, "role=" + r + " demo=true", null);
            }
        }
        return users.all().stream().filter(UserAccount::demo).map(UserAccount::info).toList();
    }

    // ---------------------------------------------------------------- log-in, sessions

    /** Logs in at a workstation with user name and password. Audited (success, failure, lock-out). */
    public LoginResult login(String userName, char[] password) {
        return login(userName, password, Session.Kind.WORKSTATION);
    }

    /** Logs in with user name and password; {@code kind} WALL_SCREEN gives a view-only session. */
    public synchronized LoginResult login(String userName, char[] password, Session.Kind kind) {
        Instant now = now();
        String typed = userName == null ? "" : userName.strip();
        Optional<UserAccount> found = typed.isEmpty() ? Optional.empty() : users.find(typed);
        if (found.isEmpty()) {
            hasher.verifyDummy(password == null ? new char[0] : password);
            return fail(UNKNOWN, null, "unknown user name (" + typed.codePointCount(0, typed.length())
                    + " characters)", LoginResult.Failure.BAD_CREDENTIALS);
        }
        UserAccount a = found.get();
        if (a.demo()) {
            return fail(a.userName(), a.role(), "demo accounts log in without password, in a demo database only",
                    LoginResult.Failure.NOT_ALLOWED);
        }
        if (!a.enabled()) {
            hasher.verifyDummy(password == null ? new char[0] : password);
            return fail(a.userName(), a.role(), "account disabled", LoginResult.Failure.DISABLED);
        }
        if (a.lockedAt(now)) {
            return fail(a.userName(), a.role(), "account locked until " + a.lockedUntil(), LoginResult.Failure.LOCKED);
        }
        if (password == null || !hasher.verify(password, a.passwordHash())) {
            return wrongPassword(a, now);
        }
        UserAccount ok = a.withFailures(0, null);
        if (hasher.needsRehash(a.passwordHash())) {
            ok = ok.withPasswordHash(hasher.hash(password), a.passwordChangedAt());
        }
        if (!ok.equals(a)) {
            users.update(ok);
        }
        Actor actor = new Actor(a.userName(), a.role());
        audit.record(actor, AuditAction.LOGIN, a.userName(), null, kind == Session.Kind.WALL_SCREEN ? "wall screen"
                : null, null);
        return LoginResult.ok(new Session(actor, kind, false, now, policy.idleLock()));
    }

    private LoginResult wrongPassword(UserAccount a, Instant now) {
        boolean lockExpired = a.lockedUntil() != null && !now.isBefore(a.lockedUntil());
        int failures = (lockExpired ? 0 : a.failedAttempts()) + 1;
        Actor actor = new Actor(a.userName(), a.role());
        if (failures >= policy.maxFailures()) {
            Instant until = now.plus(policy.lockDuration());
            users.update(a.withFailures(0, until));
            audit.append(a.userName(), a.role(), AuditAction.LOGIN_FAILED, AuditOutcome.FAILED, a.userName(), null,
                    null, "wrong password (" + failures + " in a row)");
            audit.record(actor, AuditAction.USER_LOCKED_OUT, a.userName(), null, "locked until " + until,
                    failures + " failed log-ins");
            LOG.log(System.Logger.Level.WARNING, "account {0} locked until {1} after {2} failed log-ins", a.userName(),
                    until, failures);
            return LoginResult.failed(LoginResult.Failure.LOCKED, "too many failed log-ins: locked until " + until);
        }
        users.update(a.withFailures(failures, null));
        audit.append(a.userName(), a.role(), AuditAction.LOGIN_FAILED, AuditOutcome.FAILED, a.userName(), null, null,
                "wrong password (" + failures + " in a row)");
        return LoginResult.failed(LoginResult.Failure.BAD_CREDENTIALS, "wrong user name or password");
    }

    private LoginResult fail(String user, Role role, String why, LoginResult.Failure f) {
        audit.append(user.isEmpty() ? "(empty)" : user, role, AuditAction.LOGIN_FAILED,
                f == LoginResult.Failure.BAD_CREDENTIALS ? AuditOutcome.FAILED : AuditOutcome.REFUSED, user, null, null,
                why);
        LOG.log(System.Logger.Level.INFO, "log-in refused for {0}: {1}", user, f);
        String msg = switch (f) {
            case BAD_CREDENTIALS -> "wrong user name or password";
            case LOCKED -> "too many failed log-ins: " + why;
            case DISABLED -> "this account is disabled; ask an administrator";
            case NOT_ALLOWED -> why;
        };
        return LoginResult.failed(f, msg);
    }

    /**
     * Logs in to a demo account without password. Refused unless the database is flagged demo and the account is
     * a demo account.
     */
    public synchronized LoginResult loginDemo(String userName) {
        Instant now = now();
        String typed = userName == null ? "" : userName.strip();
        if (!users.isDemoDatabase()) {
            return fail(users.find(typed).isPresent() || DemoAccounts.isDemoName(typed) ? typed : UNKNOWN, null,
                    "not a demo database: demo log-in refused", LoginResult.Failure.NOT_ALLOWED);
        }
        Optional<UserAccount> found = users.find(typed);
        if (found.isEmpty() || !found.get().demo()) {
            return fail(found.isEmpty() ? UNKNOWN : found.get().userName(), found.map(UserAccount::role).orElse(null),
                    "not a demo account", LoginResult.Failure.NOT_ALLOWED);
        }
        UserAccount a = found.get();
        if (!a.enabled()) {
            return fail(a.userName(), a.role(), "account disabled", LoginResult.Failure.DISABLED);
        }
        Actor actor = new Actor(a.userName(), a.role());
        audit.record(actor, AuditAction.LOGIN, a.userName(), null, "demo", null);
        return LoginResult.ok(new Session(actor, Session.Kind.WORKSTATION, true, now, policy.idleLock()));
    }

    /**
     * A view-only wall-screen session without log-in (it can look, never act, never locks). The actor is
     * {@code wall:<station>} with role VIEWER. Audited.
     */
    public synchronized Session startWallScreen(String station) {
        String st = station == null || station.isBlank() ? "screen" : station.strip();
        Actor actor = new Actor("wall:" + st, Role.VIEWER);
        audit.record(actor, AuditAction.VIEW_SESSION_START, st, null, null, null);
        return new Session(actor, Session.Kind.WALL_SCREEN, users.isDemoDatabase(), now(), java.time.Duration.ZERO);
    }

    /** Ends the session. Audited. */
    public synchronized void logout(Session session) {
        if (!session.ended()) {
            session.end();
            audit.record(session.actor(), AuditAction.LOGOUT, session.userName(), null, null, null);
        }
    }

    /** Locks a workstation session by hand (leaving the desk). Audited. */
    public synchronized void lockSession(Session session) {
        if (!session.ended()) {
            session.lockByHand();
            audit.record(session.actor(), AuditAction.SESSION_LOCK, session.userName(), null, null, "by hand");
        }
    }

    /**
     * Records that the UI found the session idle-locked ({@link Session#isLocked}); call once when the lock
     * screen appears. Audited.
     */
    public synchronized void idleLocked(Session session) {
        audit.record(session.actor(), AuditAction.SESSION_LOCK, session.userName(), null, null, "idle");
    }

    /**
     * Unlocks a locked session with its user's password (a demo session unlocks without). A wrong password
     * counts towards lock-out. Audited.
     */
    public synchronized LoginResult unlockSession(Session session, char[] password) {
        if (session.ended()) {
            return LoginResult.failed(LoginResult.Failure.NOT_ALLOWED, "the session has ended; log in again");
        }
        if (session.demo()) {
            if (!users.isDemoDatabase()) {
                return fail(session.userName(), session.actor().role(), "not a demo database",
                        LoginResult.Failure.NOT_ALLOWED);
            }
        } else if (session.kind() == Session.Kind.WORKSTATION) {
            Instant now = now();
            Optional<UserAccount> found = users.find(session.userName());
            if (found.isEmpty() || !found.get().enabled()) {
                return fail(session.userName(), session.actor().role(), "account gone or disabled",
                        LoginResult.Failure.DISABLED);
            }
            UserAccount a = found.get();
            if (a.lockedAt(now)) {
                return fail(a.userName(), a.role(), "account locked until " + a.lockedUntil(),
                        LoginResult.Failure.LOCKED);
            }
            if (password == null || !hasher.verify(password, a.passwordHash())) {
                return wrongPassword(a, now);
            }
            if (a.failedAttempts() != 0) {
                users.update(a.withFailures(0, null));
            }
        }
        session.unlock(now());
        audit.record(session.actor(), AuditAction.SESSION_UNLOCK, session.userName(), null, null, null);
        return LoginResult.ok(session);
    }

    /**
     * Quick user switch at a shared desk (shift handover): the incoming user logs in with their password (a demo
     * account without, in a demo database); on success the outgoing session ends and the switch is audited with
     * before = outgoing user, after = incoming user. On failure the current session stays as it was.
     */
    public synchronized LoginResult switchUser(Session current, String userName, char[] password, String comment) {
        Optional<UserAccount> target = users.find(userName == null ? "" : userName.strip());
        LoginResult r = target.isPresent() && target.get().demo() ? loginDemo(userName)
                : login(userName, password, current.kind());
        if (r.ok()) {
            current.end();
            audit.record(r.session().actor(), AuditAction.USER_SWITCH, r.session().userName(),
                    current.userName() + "/" + current.actor().role(),
                    r.session().userName() + "/" + r.session().actor().role(), comment);
        }
        return r;
    }

    // ---------------------------------------------------------------- permissions

    /**
     * The check services use before a protected action: the session must be live (not ended, not locked), not
     * view-only, and its role must be allowed. A refusal is audited (action, target, reason) and returned; empty
     * means allowed (the caller then audits the action itself, with before/after).
     */
    public Optional<String> refusal(Session session, ProtectedAction action, String target) {
        Optional<String> why;
        if (session.isLocked(now())) {
            why = Optional.of(session.ended() ? "the session has ended" : "the session is locked");
        } else if (session.viewOnly()) {
            why = Optional.of("view-only session: " + action + " is not possible");
        } else {
            why = permissions.refusal(session.actor(), action);
        }
        why.ifPresent(w -> audit.refused(session.actor(), action.auditAction(), target, w + " [" + action + "]"));
        return why;
    }

    /** Like {@link #refusal} but throws {@link AccessDeniedException} when refused. */
    public void require(Session session, ProtectedAction action, String target) {
        Optional<String> why = refusal(session, action, target);
        if (why.isPresent()) {
            throw new AccessDeniedException(action, why.get());
        }
    }

    // ---------------------------------------------------------------- own password

    /** Changes the session user's own password; the old password is required. Audited (not the passwords). */
    public synchronized void changePassword(Session session, char[] oldPassword, char[] newPassword) {
        Instant now = now();
        if (session.isLocked(now) || session.demo() || session.kind() == Session.Kind.WALL_SCREEN) {
            String why = session.demo() ? "demo accounts have no password" : "the session is locked or view-only";
            audit.refused(session.actor(), AuditAction.PASSWORD_CHANGE, session.userName(), why);
            throw new AccountException(session.demo() ? AccountException.Reason.DEMO_NO_PASSWORD
                    : AccountException.Reason.SESSION_LOCKED, why);
        }
        UserAccount a = users.find(session.userName())
                .orElseThrow(() -> new AccountException(AccountException.Reason.NO_SUCH_USER, "the account no longer exists",
                        session.userName()));
        if (oldPassword == null || !hasher.verify(oldPassword, a.passwordHash())) {
            wrongPassword(a, now);
            audit.refused(session.actor(), AuditAction.PASSWORD_CHANGE, a.userName(), "old password wrong");
            throw new AccountException(AccountException.Reason.OLD_PASSWORD_WRONG, "the old password is wrong");
        }
        Optional<String> problem = policy.passwords().problem(a.userName(), newPassword);
        AccountException.Reason reason = AccountException.Reason.PASSWORD_POLICY;
        if (problem.isEmpty() && hasher.verify(newPassword, a.passwordHash())) {
            problem = Optional.of("the new password must differ from the old one");
            reason = AccountException.Reason.PASSWORD_UNCHANGED;
        }
        if (problem.isPresent()) {
            audit.refused(session.actor(), AuditAction.PASSWORD_CHANGE, a.userName(), problem.get());
            throw new AccountException(reason, problem.get());
        }
        users.update(a.withFailures(0, null).withPasswordHash(hasher.hash(newPassword), now));
        audit.record(session.actor(), AuditAction.PASSWORD_CHANGE, a.userName(), null, null, null);
    }

    // ---------------------------------------------------------------- user management (ADMIN)

    /** All accounts (no hashes), demo ones flagged. */
    public List<UserInfo> users() {
        return users.all().stream().map(UserAccount::info).toList();
    }

    public Optional<UserInfo> user(String userName) {
        return users.find(userName).map(UserAccount::info);
    }

    /** Creates a real account with an initial password. Needs USER_MANAGEMENT. Demo names are reserved. */
    public synchronized UserInfo createUser(Session admin, String userName, String displayName, Role role,
                                            char[] initialPassword) {
        require(admin, ProtectedAction.USER_MANAGEMENT, userName);
        String name;
        try {
            name = checkNewName(userName);
            checkPassword(name, initialPassword);
        } catch (AccountException e) {
            audit.refused(admin.actor(), AuditAction.USER_CREATE, userName, e.getMessage());
            throw e;
        }
        Instant now = now();
        UserAccount a = new UserAccount(name, displayName, role, hasher.hash(initialPassword), false, true, 0, null,
                now, now);
        users.insert(a);
        audit.record(admin.actor(), AuditAction.USER_CREATE, name, null, "role=" + role, null);
        return a.info();
    }

    /** Changes a user's role. Needs USER_MANAGEMENT; the last enabled administrator keeps ADMIN. */
    public synchronized UserInfo changeRole(Session admin, String userName, Role role, String comment) {
        require(admin, ProtectedAction.USER_MANAGEMENT, userName);
        UserAccount a = existing(admin, AuditAction.USER_ROLE_CHANGE, userName);
        if (a.role() == Role.ADMIN && role != Role.ADMIN && a.enabled() && lastAdmin(a)) {
            return refuseManagement(admin, AuditAction.USER_ROLE_CHANGE, userName, AccountException.Reason.LAST_ADMIN,
                    "the last administrator must stay administrator");
        }
        UserAccount b = a.withRole(role);
        users.update(b);
        audit.record(admin.actor(), AuditAction.USER_ROLE_CHANGE, a.userName(), "role=" + a.role(), "role=" + role,
                comment);
        return b.info();
    }

    /** Enables or disables an account. Needs USER_MANAGEMENT; the last enabled administrator stays enabled. */
    public synchronized UserInfo setEnabled(Session admin, String userName, boolean enabled, String comment) {
        require(admin, ProtectedAction.USER_MANAGEMENT, userName);
        AuditAction act = enabled ? AuditAction.USER_ENABLE : AuditAction.USER_DISABLE;
        UserAccount a = existing(admin, act, userName);
        if (!enabled && a.role() == Role.ADMIN && a.enabled() && lastAdmin(a)) {
            return refuseManagement(admin, act, userName, AccountException.Reason.LAST_ADMIN, "the last administrator cannot be disabled");
        }
        UserAccount b = a.withEnabled(enabled);
        users.update(b);
        audit.record(admin.actor(), act, a.userName(), "enabled=" + a.enabled(), "enabled=" + enabled, comment);
        return b.info();
    }

    /** Unlocks an account locked after failed log-ins. Needs USER_MANAGEMENT. */
    public synchronized UserInfo unlockAccount(Session admin, String userName, String comment) {
        require(admin, ProtectedAction.USER_MANAGEMENT, userName);
        UserAccount a = existing(admin, AuditAction.USER_UNLOCK, userName);
        UserAccount b = a.withFailures(0, null);
        users.update(b);
        audit.record(admin.actor(), AuditAction.USER_UNLOCK, a.userName(),
                a.lockedUntil() == null ? "not locked" : "locked until " + a.lockedUntil(), "unlocked", comment);
        return b.info();
    }

    /** Sets a new password for another user (forgotten password). Needs USER_MANAGEMENT. Audited, not the password. */
    public synchronized UserInfo resetPassword(Session admin, String userName, char[] newPassword, String comment) {
        require(admin, ProtectedAction.USER_MANAGEMENT, userName);
        UserAccount a = existing(admin, AuditAction.PASSWORD_RESET, userName);
        if (a.demo()) {
            return refuseManagement(admin, AuditAction.PASSWORD_RESET, userName, AccountException.Reason.DEMO_NO_PASSWORD, "demo accounts have no password");
        }
        Optional<String> problem = policy.passwords().problem(a.userName(), newPassword);
        if (problem.isPresent()) {
            return refuseManagement(admin, AuditAction.PASSWORD_RESET, userName, AccountException.Reason.PASSWORD_POLICY, problem.get());
        }
        UserAccount b = a.withFailures(0, null).withPasswordHash(hasher.hash(newPassword), now());
        users.update(b);
        audit.record(admin.actor(), AuditAction.PASSWORD_RESET, a.userName(), null, null, comment);
        return b.info();
    }

    /** Writes the audit entries matching {@code filter} as CSV. Needs AUDIT_EXPORT; the export itself is audited. */
    public long exportAudit(Session session, AuditFilter filter, Writer out) throws IOException {
        require(session, ProtectedAction.AUDIT_EXPORT, "audit");
        long n = audit.exportCsv(filter, out);
        out.flush(); // a write that fails (disk full) throws here, before the export is recorded as done
        audit.record(session.actor(), AuditAction.AUDIT_EXPORT, "audit", null, n + " entries",
                "from=" + filter.from() + " to=" + filter.to() + " user=" + filter.user() + " actions="
                        + filter.actions());
        return n;
    }

    // ---------------------------------------------------------------- helpers

    private boolean lastAdmin(UserAccount a) {
        return users.all().stream().noneMatch(o -> !o.userName().equalsIgnoreCase(a.userName())
                && o.role() == Role.ADMIN && o.enabled() && !o.demo());
    }

    private UserAccount existing(Session admin, AuditAction act, String userName) {
        Optional<UserAccount> a = users.find(userName == null ? "" : userName.strip());
        if (a.isEmpty()) {
            audit.refused(admin.actor(), act, userName, "no such user");
            throw new AccountException(AccountException.Reason.NO_SUCH_USER, "no such user: " + userName, String.valueOf(userName));
        }
        return a.get();
    }

    private <T> T refuseManagement(Session admin, AuditAction act, String userName, AccountException.Reason reason,
                                   String why) {
        audit.refused(admin.actor(), act, userName, why);
        throw new AccountException(reason, why, String.valueOf(userName));
    }

    private String checkNewName(String userName) {
        String name = userName == null ? "" : userName.strip();
        if (!USER_NAME.matcher(name).matches()) {
            throw new AccountException(AccountException.Reason.BAD_USER_NAME, "a user name has 2 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (DemoAccounts.isDemoName(name)) {
            throw new AccountException(AccountException.Reason.RESERVED_NAME, "names starting with '" + DemoAccounts.PREFIX
                    + "' are reserved for demo accounts", name);
        }
        if (name.equalsIgnoreCase("system")) {
            throw new AccountException(AccountException.Reason.RESERVED_NAME, "the name 'system' is reserved", name);
        }
        if (users.find(name).isPresent()) {
            throw new AccountException(AccountException.Reason.NAME_TAKEN, "the user name " + name + " is taken", name);
        }
        return name;
    }

    private void checkPassword(String name, char[] password) {
        Optional<String> problem = policy.passwords().problem(name, password);
        if (problem.isPresent()) {
            throw new AccountException(AccountException.Reason.PASSWORD_POLICY, problem.get());
        }
    }
}
