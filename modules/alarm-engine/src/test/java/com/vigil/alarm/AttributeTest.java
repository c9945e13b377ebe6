package com.vigil.alarm;

import static com.vigil.alarm.Fixture.OP;
import static com.vigil.alarm.Fixture.high;
import static com.vigil.alarm.Fixture.low;
import static com.vigil.model.AlarmState.ACKED;
import static com.vigil.model.AlarmState.NORMAL;
import static com.vigil.model.AlarmState.RTN_UNACK;
import static com.vigil.model.AlarmState.UNACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Quality;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deadband, on/off delay, re-alarm and the alarm types. */
class AttributeTest {

    @Test
    void highDeadband() {
        Fixture f = new Fixture(high("T1", 90).deadband(2).build());
        f.value("T1", 90);
        assertEquals(NORMAL, f.state("T1:H"), "at the limit is not above it");
        f.value("T1", 90.1);
        assertEquals(UNACK, f.state("T1:H"));
        f.value("T1", 88.5);
        assertEquals(UNACK, f.state("T1:H"), "inside the deadband");
        f.value("T1", 88);
        assertEquals(UNACK, f.state("T1:H"), "at limit - deadband still active");
        f.value("T1", 87.9);
        assertEquals(RTN_UNACK, f.state("T1:H"));
    }

    @Test
    void lowDeadband() {
        Fixture f = new Fixture(low("T1", 10).deadband(1).build());
        f.value("T1", 9.9);
        assertEquals(UNACK, f.state("T1:L"));
        f.value("T1", 10.5);
        assertEquals(UNACK, f.state("T1:L"));
        f.value("T1", 11.01);
        assertEquals(RTN_UNACK, f.state("T1:L"));
    }

    @Test
    void onDelaySuppressesShortExcursions() {
        Fixture f = new Fixture(high("T1", 90).onDelay(Duration.ofSeconds(10)).build());
        f.value("T1", 95);
        assertEquals(NORMAL, f.state("T1:H"));
        assertEquals(Optional.of(Fixture.T0.plusSeconds(10)), f.engine.nextDeadline());
        f.advance(Duration.ofSeconds(5)).value("T1", 80);
        f.tickAfter(Duration.ofSeconds(20));
        assertEquals(NORMAL, f.state("T1:H"));
        assertEquals(0, f.journal.size());
    }

    @Test
    void onDelayActivatesOnTickAtDueTime() {
        Fixture f = new Fixture(high("T1", 90).onDelay(Duration.ofSeconds(10)).build());
        f.value("T1", 95);
        f.advance(Duration.ofSeconds(3)).value("T1", 96);
        f.tickAfter(Duration.ofSeconds(4));
        assertEquals(NORMAL, f.state("T1:H"));
        f.tickAfter(Duration.ofSeconds(5));
        assertEquals(UNACK, f.state("T1:H"));
        assertEquals(Fixture.T0.plusSeconds(10), f.view("T1:H").activationTime(), "activated at the due time");
        assertEquals(96, f.view("T1:H").valueAtActivation());
    }

    @Test
    void onDelayActivatesOnLaterSample() {
        Fixture f = new Fixture(high("T1", 90).onDelay(Duration.ofSeconds(10)).build());
        f.value("T1", 95);
        f.advance(Duration.ofSeconds(11)).value("T1", 97);
        assertEquals(UNACK, f.state("T1:H"));
        assertEquals(97, f.view("T1:H").valueAtActivation());
    }

    @Test
    void offDelayKeepsAlarmActive() {
        Fixture f = new Fixture(high("T1", 90).offDelay(Duration.ofSeconds(30)).build());
        f.value("T1", 95);
        f.engine.acknowledge("T1:H", OP, "");
        f.advance(Duration.ofSeconds(1)).value("T1", 80);
        assertEquals(ACKED, f.state("T1:H"));
        f.advance(Duration.ofSeconds(10)).value("T1", 95);
        f.advance(Duration.ofSeconds(1)).value("T1", 80);
        f.tickAfter(Duration.ofSeconds(29));
        assertEquals(ACKED, f.state("T1:H"), "off-delay restarted by the second excursion");
        f.tickAfter(Duration.ofSeconds(1));
        assertEquals(NORMAL, f.state("T1:H"));
        assertEquals(1, f.view("T1:H").occurrences(), "no new occurrence inside the off-delay");
    }

    @Test
    void reAlarmAfterAcknowledgement() {
        Fixture f = new Fixture(high("T1", 90).reAlarm(Duration.ofMinutes(30)).build());
        f.value("T1", 95);
        f.tickAfter(Duration.ofMinutes(1));
        f.engine.acknowledge("T1:H", OP, "");
        f.tickAfter(Duration.ofMinutes(29));
        assertEquals(ACKED, f.state("T1:H"));
        f.tickAfter(Duration.ofMinutes(1));
        assertEquals(UNACK, f.state("T1:H"));
        JournalEntry e = f.last();
        assertEquals(JournalEvent.REALARM, e.event());
        assertEquals(ACKED, e.fromState());
        assertEquals(Fixture.T0.plus(Duration.ofMinutes(31)), e.time());
        assertTrue(f.engine.acknowledge("T1:H", OP, "again").accepted());
    }

    @Test
    void noReAlarmWhenClearedBeforeDue() {
        Fixture f = new Fixture(high("T1", 90).reAlarm(Duration.ofMinutes(30)).build());
        f.value("T1", 95);
        f.engine.acknowledge("T1:H", OP, "");
        f.advance(Duration.ofMinutes(10)).value("T1", 50);
        f.tickAfter(Duration.ofHours(1));
        assertEquals(NORMAL, f.state("T1:H"));
    }

    @Test
    void discreteOffNormal() {
        Fixture f = new Fixture(AlarmDef.builder("PUMP.TRIP", AlarmType.DISCRETE).setpoint(1).build());
        f.value("PUMP.TRIP", 0);
        assertEquals(NORMAL, f.state("PUMP.TRIP:DISCRETE"));
        f.value("PUMP.TRIP", 1);
        assertEquals(UNACK, f.state("PUMP.TRIP:DISCRETE"));
        f.value("PUMP.TRIP", 0);
        assertEquals(RTN_UNACK, f.state("PUMP.TRIP:DISCRETE"));
    }

    @Test
    void badQualityRaisesItsAlarmAndFreezesLimitAlarms() {
        Fixture f = new Fixture(high("T1", 90).build(), AlarmDef.builder("T1", AlarmType.BAD_QUALITY).build());
        f.sample("T1", 1000, Quality.BAD);
        assertEquals(NORMAL, f.state("T1:H"), "a bad value is never evaluated");
        assertEquals(UNACK, f.state("T1:BAD_QUALITY"));
        f.sample("T1", 1000, Quality.UNCERTAIN);
        assertEquals(RTN_UNACK, f.state("T1:BAD_QUALITY"));
        assertEquals(NORMAL, f.state("T1:H"));
        f.sample("T1", 50, Quality.STALE);
        assertEquals(UNACK, f.state("T1:BAD_QUALITY"));
        f.sample("T1", Double.NaN, Quality.GOOD);
        assertEquals(NORMAL, f.state("T1:H"), "NaN is no number");
    }

    @Test
    void rateOfChangeInUnitsPerMinute() {
        Fixture f = new Fixture(AlarmDef.builder("P1", AlarmType.ROC).setpoint(10).deadband(2).build());
        f.value("P1", 100);
        f.advance(Duration.ofSeconds(30)).value("P1", 104); // 8/min
        assertEquals(NORMAL, f.state("P1:ROC"));
        f.advance(Duration.ofSeconds(30)).value("P1", 110); // 12/min
        assertEquals(UNACK, f.state("P1:ROC"));
        f.advance(Duration.ofSeconds(30)).value("P1", 114.5); // 9/min, inside deadband
        assertEquals(UNACK, f.state("P1:ROC"));
        f.advance(Duration.ofSeconds(30)).value("P1", 110.5); // 8/min falling... |rate| = 8 -> clears (< 10-2? no: 8 >= 8)
        assertEquals(UNACK, f.state("P1:ROC"));
        f.advance(Duration.ofSeconds(60)).value("P1", 110); // 0.5/min
        assertEquals(RTN_UNACK, f.state("P1:ROC"));
    }

    @Test
    void deviationFromSetpointTag() {
        Fixture f = new Fixture(AlarmDef.builder("TIC1.PV", AlarmType.DEVIATION).setpointTag("TIC1.SP").setpoint(5)
                .deadband(1).build());
        String id = "TIC1.PV:DEVIATION";
        f.value("TIC1.PV", 100);
        assertEquals(NORMAL, f.state(id), "no setpoint known yet");
        f.value("TIC1.SP", 100);
        f.value("TIC1.PV", 104);
        assertEquals(NORMAL, f.state(id));
        f.value("TIC1.PV", 106);
        assertEquals(UNACK, f.state(id));
        f.value("TIC1.SP", 102); // deviation 4: inside deadband
        assertEquals(UNACK, f.state(id));
        f.value("TIC1.SP", 103); // deviation 3
        assertEquals(RTN_UNACK, f.state(id));
        f.value("TIC1.SP", 90); // a setpoint change alone raises it
        assertEquals(UNACK, f.state(id));
    }

    @Test
    void definitionValidation() {
        assertThrows(IllegalArgumentException.class, () -> high("T", 1).deadband(-1).build());
        assertThrows(IllegalArgumentException.class, () -> high("T", 1).onDelay(Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> AlarmDef.builder("T", AlarmType.DEVIATION).build());
        assertThrows(IllegalArgumentException.class,
                () -> AlarmConfig.builder().add(high("T", 1).build()).add(high("T", 2).build()).build());
        assertFalse(AlarmType.COMM.sampleDriven());
        assertEquals(Instant.EPOCH, new ManualClock(Instant.EPOCH).instant());
    }
}
