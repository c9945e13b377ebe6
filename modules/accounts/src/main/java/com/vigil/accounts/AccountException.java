package com.vigil.accounts;

import java.util.List;

/**
 * An account operation was refused or is invalid; the message is for logs and the command line (English) and
 * names no secret. Screens show {@link #reason()} with {@link #args()} in the user's language.
 */
public class AccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, for the screens (each has a text in the UI bundles). */
    public enum Reason {
        /** An administrator exists already (first-admin set-up is over). */
        ADMIN_EXISTS,
        /** The database has real accounts, so it cannot become a demo database. */
        REAL_ACCOUNTS,
        /** Demo accounts have no password. */
        DEMO_NO_PASSWORD,
        /** The session is locked or view-only. */
        SESSION_LOCKED,
        /** The account no longer exists. args: user name */
        NO_SUCH_USER,
        /** The old password is wrong. */
        OLD_PASSWORD_WRONG,
        /** The new password is the old one. */
        PASSWORD_UNCHANGED,
        /** The password breaks the password policy (the message says which rule). */
        PASSWORD_POLICY,
        /** Not a valid user name. */
        BAD_USER_NAME,
        /** A reserved name (demo prefix or "system"). args: the name */
        RESERVED_NAME,
        /** The user name is taken. args: the name */
        NAME_TAKEN,
        /** The last enabled administrator must stay an enabled administrator. */
        LAST_ADMIN,
        /** The session's role may not do the action ({@link AccessDeniedException}). */
        NOT_ALLOWED
    }

    private final Reason reason;
    private final List<String> args;

    public AccountException(Reason reason, String message, String... args) {
        super(message);
        this.reason = reason;
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    /** Values for the reason's text (e.g. the user name). */
    public List<String> args() {
        return args;
    }
}
