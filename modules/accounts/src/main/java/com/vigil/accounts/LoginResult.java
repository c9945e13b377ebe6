package com.vigil.accounts;

import java.util.Optional;

/**
 * Outcome of a log-in, unlock or user switch: a session, or why not. Messages do not tell whether an
 * unknown user or a wrong password was the cause.
 */
public record LoginResult(Session session, Failure failure, String message) {
    /** Why a log-in failed. */
    public enum Failure {
        /** Unknown user or wrong password. */
        BAD_CREDENTIALS,
        /** Locked after too many failures; see the message for until when. */
        LOCKED,
        /** Disabled by an administrator. */
        DISABLED,
        /** A demo account outside a demo database, or a password log-in to a demo account. */
        NOT_ALLOWED
    }

    static LoginResult ok(Session s) {
        return new LoginResult(s, null, "");
    }

    static LoginResult failed(Failure f, String message) {
        return new LoginResult(null, f, message);
    }

    public boolean ok() {
        return session != null;
    }

    public Optional<Session> sessionIfOk() {
        return Optional.ofNullable(session);
    }
}
