package com.vigil.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * Which audit entries to export: time range [from, to), user, actions. Null / empty means "any".
 */
public record AuditFilter(Instant from, Instant to, String user, Set<String> actions) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, Set.of());

    public AuditFilter {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        user = user == null || user.isBlank() ? null : user;
    }

    public boolean matches(AuditEntry e) {
        return (from == null || !e.time().isBefore(from)) && (to == null || e.time().isBefore(to))
                && (user == null || user.equalsIgnoreCase(e.user()))
                && (actions.isEmpty() || actions.contains(e.action()));
    }
}
