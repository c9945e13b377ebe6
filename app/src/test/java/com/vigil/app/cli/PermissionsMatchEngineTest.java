package com.vigil.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vigil.accounts.Permissions;
import com.vigil.accounts.ProtectedAction;
import com.vigil.alarm.AlarmEngine;
import org.junit.jupiter.api.Test;

/** The alarm engine checks roles itself; the accounts policy must say the same, or the UI would lie. */
class PermissionsMatchEngineTest {
    private final Permissions p = Permissions.DEFAULT;

    @Test
    void alarmRowsEqualTheEngineRoleSets() {
        assertEquals(AlarmEngine.ACK_ROLES, p.rolesFor(ProtectedAction.ALARM_ACK));
        assertEquals(AlarmEngine.SHELVE_GRADE1_ROLES, p.rolesFor(ProtectedAction.SHELVE_GRADE_1));
        for (int g = 2; g <= 4; g++) {
            assertEquals(AlarmEngine.SHELVE_ROLES, p.rolesFor(ProtectedAction.shelveGrade(g)));
        }
        assertEquals(AlarmEngine.SERVICE_ROLES, p.rolesFor(ProtectedAction.OUT_OF_SERVICE));
    }
}
