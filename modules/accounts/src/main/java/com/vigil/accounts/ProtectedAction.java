package com.vigil.accounts;

/**
 * Actions that need a role. The matrix of who may do what is {@link Permissions}; each action names the
 * {@link AuditAction} under which a refusal (or the action itself) is recorded.
 */
public enum ProtectedAction {
    /** Acknowledge an alarm (first tier). */
    ALARM_ACK(AuditAction.ALARM_ACK),
    /** Confirm an acknowledged alarm in a higher tier (shift leader, safety manager). */
    ALARM_CONFIRM(AuditAction.ALARM_CONFIRM),
    /** Shelve an alarm of grade 1 (highest priority). */
    SHELVE_GRADE_1(AuditAction.ALARM_SHELVE),
    SHELVE_GRADE_2(AuditAction.ALARM_SHELVE),
    SHELVE_GRADE_3(AuditAction.ALARM_SHELVE),
    SHELVE_GRADE_4(AuditAction.ALARM_SHELVE),
    /** Take an alarm out of service / return it / suppress it by hand. */
    OUT_OF_SERVICE(AuditAction.ALARM_OUT_OF_SERVICE),
    /** Change an alarm or warning limit (management of change). */
    LIMIT_CHANGE(AuditAction.LIMIT_CHANGE),
    /** Change configuration: servers, tags, plant, response rules. */
    CONFIG_CHANGE(AuditAction.CONFIG_CHANGE),
    /** Write a value to the plant through OPC UA. */
    OPCUA_WRITE(AuditAction.OPCUA_WRITE),
    /** Trust or reject a server or client certificate. */
    CERTIFICATE_TRUST(AuditAction.CERTIFICATE_TRUST),
    /** Move a hazard ticket along its workflow (report, assign, rectify, submit for review). */
    TICKET_TRANSITION(AuditAction.TICKET_TRANSITION),
    /** Review and close (or reopen) a hazard ticket. */
    TICKET_CLOSE(AuditAction.TICKET_TRANSITION),
    /** Create users, change roles, enable/disable, unlock, reset passwords. */
    USER_MANAGEMENT(AuditAction.USER_MANAGEMENT),
    /** Export the audit trail. */
    AUDIT_EXPORT(AuditAction.AUDIT_EXPORT);

    private final AuditAction auditAction;

    ProtectedAction(AuditAction auditAction) {
        this.auditAction = auditAction;
    }

    /** The audit action under which this action and its refusals are recorded. */
    public AuditAction auditAction() {
        return auditAction;
    }

    /** The shelve action for an alarm of the given grade (1 = highest priority .. 4). */
    public static ProtectedAction shelveGrade(int grade) {
        return switch (grade) {
            case 1 -> SHELVE_GRADE_1;
            case 2 -> SHELVE_GRADE_2;
            case 3 -> SHELVE_GRADE_3;
            case 4 -> SHELVE_GRADE_4;
            default -> throw new IllegalArgumentException("alarm grade must be 1..4, not " + grade);
        };
    }
}
