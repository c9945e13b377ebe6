package com.vigil.accounts;

/** The session's role may not perform the action (the refusal has been audited). */
public class AccessDeniedException extends AccountException {
    private static final long serialVersionUID = 1L;

    private final ProtectedAction action;

    public AccessDeniedException(ProtectedAction action, String message) {
        super(Reason.NOT_ALLOWED, message);
        this.action = action;
    }

    public ProtectedAction action() {
        return action;
    }
}
