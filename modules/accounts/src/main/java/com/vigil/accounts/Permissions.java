package com.vigil.accounts;

import com.vigil.model.Actor;
import com.vigil.model.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The role × protected-action matrix. Services check it before they act (not only the UI). The alarm
 * rows match the role sets the alarm engine enforces itself ({@code AlarmEngine.ACK_ROLES} …).
 *
 * <pre>
 *                    OPERATOR SHIFT_LEADER SAFETY_MANAGER MAINTENANCE ENGINEER ADMIN VIEWER
 * ALARM_ACK             x         x             x
 * ALARM_CONFIRM                   x             x
 * SHELVE_GRADE_1                  x             x
 * SHELVE_GRADE_2..4     x         x             x
 * OUT_OF_SERVICE                  x             x                       x
 * LIMIT_CHANGE                                  x                       x
 * CONFIG_CHANGE                                                         x       x
 * OPCUA_WRITE                     x                                     x
 * CERTIFICATE_TRUST                                                     x       x
 * TICKET_TRANSITION     x         x             x            x          x
 * TICKET_CLOSE                    x             x
 * USER_MANAGEMENT                                                               x
 * AUDIT_EXPORT                                  x                               x
 * </pre>
 * VIEWER (wall screens) may do nothing. Immutable; {@link #DEFAULT} is the product's policy.
 */
public final class Permissions {
    public static final Permissions DEFAULT = new Permissions(defaultMatrix());

    private final Map<ProtectedAction, Set<Role>> matrix;

    /** A policy from an explicit matrix (actions absent from the map are allowed to nobody). */
    public Permissions(Map<ProtectedAction, Set<Role>> matrix) {
        EnumMap<ProtectedAction, Set<Role>> m = new EnumMap<>(ProtectedAction.class);
        for (ProtectedAction a : ProtectedAction.values()) {
            Set<Role> roles = matrix.get(a);
            EnumSet<Role> copy = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
            copy.remove(Role.VIEWER);
            m.put(a, Collections.unmodifiableSet(copy));
        }
        this.matrix = Collections.unmodifiableMap(m);
    }

    private static Map<ProtectedAction, Set<Role>> defaultMatrix() {
        EnumMap<ProtectedAction, Set<Role>> m = new EnumMap<>(ProtectedAction.class);
        Role op = Role.OPERATOR;
        Role sl = Role.SHIFT_LEADER;
        Role sm = Role.SAFETY_MANAGER;
        Role mt = Role.MAINTENANCE;
        Role en = Role.ENGINEER;
        Role ad = Role.ADMIN;
        m.put(ProtectedAction.ALARM_ACK, EnumSet.of(op, sl, sm));
        m.put(ProtectedAction.ALARM_CONFIRM, EnumSet.of(sl, sm));
        m.put(ProtectedAction.SHELVE_GRADE_1, EnumSet.of(sl, sm));
        m.put(ProtectedAction.SHELVE_GRADE_2, EnumSet.of(op, sl, sm));
        m.put(ProtectedAction.SHELVE_GRADE_3, EnumSet.of(op, sl, sm));
        m.put(ProtectedAction.SHELVE_GRADE_4, EnumSet.of(op, sl, sm));
        m.put(ProtectedAction.OUT_OF_SERVICE, EnumSet.of(sl, sm, en));
        m.put(ProtectedAction.LIMIT_CHANGE, EnumSet.of(sm, en));
        m.put(ProtectedAction.CONFIG_CHANGE, EnumSet.of(en, ad));
        m.put(ProtectedAction.OPCUA_WRITE, EnumSet.of(sl, en));
        m.put(ProtectedAction.CERTIFICATE_TRUST, EnumSet.of(en, ad));
        m.put(ProtectedAction.TICKET_TRANSITION, EnumSet.of(op, sl, sm, mt, en));
        m.put(ProtectedAction.TICKET_CLOSE, EnumSet.of(sl, sm));
        m.put(ProtectedAction.USER_MANAGEMENT, EnumSet.of(ad));
        m.put(ProtectedAction.AUDIT_EXPORT, EnumSet.of(sm, ad));
        return m;
    }

    public boolean allows(Role role, ProtectedAction action) {
        return matrix.get(action).contains(role);
    }

    /** The roles that may perform {@code action} (unmodifiable). */
    public Set<Role> rolesFor(ProtectedAction action) {
        return matrix.get(action);
    }

    /** Empty when {@code actor} may perform {@code action}; otherwise why not (for the user and the audit trail). */
    public Optional<String> refusal(Actor actor, ProtectedAction action) {
        if (allows(actor.role(), action)) {
            return Optional.empty();
        }
        if (actor.role() == Role.VIEWER) {
            return Optional.of("view-only session: " + action + " is not possible");
        }
        return Optional.of(actor.role() + " may not " + action + " (allowed: " + rolesFor(action) + ")");
    }
}
