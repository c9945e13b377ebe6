package com.vigil.model;

/** Who performs an action: user name and the role they act in. */
public record Actor(String user, Role role) {
    public Actor {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be empty");
        }
        if (role == null) {
            throw new IllegalArgumentException("role must not be null");
        }
    }

    /** The engine itself (automatic transitions: clear, unshelve, escalation). */
    public static final Actor SYSTEM = new Actor("system", Role.ADMIN);
}
