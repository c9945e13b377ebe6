package com.vigil.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Actor;
import com.vigil.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PermissionsTest {
    /** The expected matrix, written out independently of {@link Permissions}: O S M N E A V. */
    private static final Map<ProtectedAction, String> EXPECTED = Map.ofEntries(
            Map.entry(ProtectedAction.ALARM_ACK, "OSM...."),
            Map.entry(ProtectedAction.ALARM_CONFIRM, ".SM...."),
            Map.entry(ProtectedAction.SHELVE_GRADE_1, ".SM...."),
            Map.entry(ProtectedAction.SHELVE_GRADE_2, "OSM...."),
            Map.entry(ProtectedAction.SHELVE_GRADE_3, "OSM...."),
            Map.entry(ProtectedAction.SHELVE_GRADE_4, "OSM...."),
            Map.entry(ProtectedAction.OUT_OF_SERVICE, ".SM.E.."),
            Map.entry(ProtectedAction.LIMIT_CHANGE, "..M.E.."),
            Map.entry(ProtectedAction.CONFIG_CHANGE, "....EA."),
            Map.entry(ProtectedAction.OPCUA_WRITE, ".S..E.."),
            Map.entry(ProtectedAction.CERTIFICATE_TRUST, "....EA."),
            Map.entry(ProtectedAction.TICKET_TRANSITION, "OSMNE.."),
            Map.entry(ProtectedAction.TICKET_CLOSE, ".SM...."),
            Map.entry(ProtectedAction.USER_MANAGEMENT, ".....A."),
            Map.entry(ProtectedAction.AUDIT_EXPORT, "..M..A."));
    private static final Role[] COLUMNS = {Role.OPERATOR, Role.SHIFT_LEADER, Role.SAFETY_MANAGER, Role.MAINTENANCE,
            Role.ENGINEER, Role.ADMIN, Role.VIEWER};

    static Stream<Arguments> everyRoleAndAction() {
        List<Arguments> out = new ArrayList<>();
        for (ProtectedAction a : ProtectedAction.values()) {
            String row = EXPECTED.get(a);
            for (int i = 0; i < COLUMNS.length; i++) {
                out.add(Arguments.of(COLUMNS[i], a, row.charAt(i) != '.'));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} × {1} → allowed={2}")
    @MethodSource("everyRoleAndAction")
    void matrix(Role role, ProtectedAction action, boolean allowed) {
        assertEquals(allowed, Permissions.DEFAULT.allows(role, action));
        assertEquals(allowed, Permissions.DEFAULT.refusal(new Actor("u", role), action).isEmpty());
    }

    @ParameterizedTest(name = "session {0} × {1} → allowed={2}")
    @MethodSource("everyRoleAndAction")
    void serviceChecksTheMatrixAndAuditsRefusals(Role role, ProtectedAction action, boolean allowed) {
        Fixture f = new Fixture();
        f.users.markDemoDatabase();
        f.service.prepareDemo();
        Session s = f.service.loginDemo(DemoAccounts.userName(role)).session();
        long before = f.audit.count();
        assertEquals(allowed, f.service.refusal(s, action, "T-1").isEmpty());
        if (allowed) {
            assertEquals(before, f.audit.count(), "an allowed check is not itself audited");
        } else {
            AuditEntry e = f.audit.head().orElseThrow();
            assertEquals(action.auditAction().name(), e.action());
            assertEquals("REFUSED", e.outcome());
            assertEquals(role.name(), e.role());
            assertEquals("T-1", e.target());
        }
    }

    @Test
    void everyActionHasARow() {
        assertEquals(ProtectedAction.values().length, EXPECTED.size());
    }

    @Test
    void viewerMayDoNothingEvenIfAPolicySaysSo() {
        Permissions p = new Permissions(Map.of(ProtectedAction.ALARM_ACK, java.util.EnumSet.of(Role.VIEWER)));
        assertFalse(p.allows(Role.VIEWER, ProtectedAction.ALARM_ACK));
        assertTrue(p.refusal(new Actor("wall", Role.VIEWER), ProtectedAction.ALARM_ACK).orElseThrow()
                .contains("view-only"));
    }

    @Test
    void shelveGradeMapsToItsAction() {
        assertEquals(ProtectedAction.SHELVE_GRADE_1, ProtectedAction.shelveGrade(1));
        assertEquals(ProtectedAction.SHELVE_GRADE_4, ProtectedAction.shelveGrade(4));
    }
}
