package com.vigil.accounts;

/** The session's role may not perform the action (the refusal has been audited). */
public class AccessDeniedException extends AccountException {
    private final ProtectedAction action;

    public AccessDeniedException(ProtectedAction action, String message) {
        super(message);
        this.action = action;
    }

    public ProtectedAction action() {
        return action;
    }
}
