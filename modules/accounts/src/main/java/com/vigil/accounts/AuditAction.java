package com.vigil.accounts;

/** Kinds of security-relevant actions in the audit trail (stored by name; never renamed). */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    /** A workstation session locked (inactivity or by hand). */
    SESSION_LOCK,
    SESSION_UNLOCK,
    /** Quick user switch at a shared desk (shift handover). */
    USER_SWITCH,
    /** A view-only wall-screen session started. */
    VIEW_SESSION_START,
    ALARM_ACK,
    ALARM_CONFIRM,
    ALARM_SHELVE,
    ALARM_UNSHELVE,
    ALARM_RESET,
    ALARM_OUT_OF_SERVICE,
    ALARM_RETURN_TO_SERVICE,
    ALARM_SUPPRESS,
    ALARM_UNSUPPRESS,
    /** Any other alarm action reported by the engine. */
    ALARM_OTHER,
    LIMIT_CHANGE,
    CONFIG_CHANGE,
    OPCUA_WRITE,
    CERTIFICATE_TRUST,
    TICKET_TRANSITION,
    /** A user-management action refused before it was attempted. */
    USER_MANAGEMENT,
    USER_CREATE,
    USER_ROLE_CHANGE,
    USER_ENABLE,
    USER_DISABLE,
    /** An administrator unlocked an account locked after failed log-ins. */
    USER_UNLOCK,
    /** An account was locked after repeated failed log-ins. */
    USER_LOCKED_OUT,
    PASSWORD_CHANGE,
    PASSWORD_RESET,
    /** The database was flagged as a demo database and demo accounts created. */
    DEMO_SETUP,
    AUDIT_EXPORT
}
