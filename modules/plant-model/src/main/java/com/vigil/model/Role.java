package com.vigil.model;

/** Roles of local accounts. Permissions are checked in the services that act, not only in the UI. */
public enum Role {
    OPERATOR,
    SHIFT_LEADER,
    SAFETY_MANAGER,
    MAINTENANCE,
    ENGINEER,
    ADMIN,
    /** Wall screens: may look, may not act. */
    VIEWER
}
