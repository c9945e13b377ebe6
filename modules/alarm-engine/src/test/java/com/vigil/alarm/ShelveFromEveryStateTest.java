package com.vigil.alarm;

import static com.vigil.alarm.Fixture.ENG;
import static com.vigil.alarm.Fixture.OP;
import static com.vigil.alarm.Fixture.high;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.AlarmState;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every annunciation state can be shelved, suppressed and taken out of service, and comes back consistently. */
class ShelveFromEveryStateTest {
    static final String A = "T1:H";

    static Fixture in(AlarmState s) {
        Fixture f = new Fixture(high("T1", 90).latching(s == AlarmState.LATCHED).build());
        switch (s) {
            case UNACK -> f.value("T1", 95);
            case ACKED -> {
                f.value("T1", 95);
                f.engine.acknowledge(A, OP, "");
            }
            case RTN_UNACK, LATCHED -> f.value("T1", 95).value("T1", 50);
            default -> {
            }
        }
        assertEquals(s, f.state(A));
        return f;
    }

    @ParameterizedTest
    @EnumSource(value = AlarmState.class, names = {"NORMAL", "UNACK", "ACKED", "RTN_UNACK", "LATCHED"})
    void shelveAndExpire(AlarmState s) {
        Fixture f = in(s);
        assertTrue(f.engine.shelve(A, OP, Duration.ofMinutes(1), "x").accepted());
        assertEquals(s, f.last().fromState());
        assertEquals(AlarmState.SHELVED, f.last().toState());
        f.tickAfter(Duration.ofMinutes(1));
        AlarmState expected = s == AlarmState.UNACK || s == AlarmState.ACKED ? AlarmState.UNACK : AlarmState.NORMAL;
        assertEquals(expected, f.state(A));
    }

    @ParameterizedTest
    @EnumSource(value = AlarmState.class, names = {"NORMAL", "UNACK", "ACKED", "RTN_UNACK", "LATCHED"})
    void outOfServiceAndBack(AlarmState s) {
        Fixture f = in(s);
        assertTrue(f.engine.removeFromService(A, ENG, "x").accepted());
        assertEquals(s, f.last().fromState());
        assertTrue(f.engine.returnToService(A, ENG, "").accepted());
        AlarmState expected = s == AlarmState.UNACK || s == AlarmState.ACKED ? AlarmState.UNACK : AlarmState.NORMAL;
        assertEquals(expected, f.state(A));
    }

    @ParameterizedTest
    @EnumSource(value = AlarmState.class, names = {"NORMAL", "UNACK", "ACKED", "RTN_UNACK", "LATCHED"})
    void suppressAndBack(AlarmState s) {
        Fixture f = in(s);
        assertTrue(f.engine.suppress(A, ENG, "unit down").accepted());
        assertEquals(AlarmState.SUPPRESSED, f.state(A));
        assertTrue(f.engine.unsuppress(A, ENG, "").accepted());
        AlarmState expected = s == AlarmState.UNACK || s == AlarmState.ACKED ? AlarmState.UNACK : AlarmState.NORMAL;
        assertEquals(expected, f.state(A));
    }
}
