package com.vigil.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Plant;
import com.vigil.model.Priority;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigTest {
    static Plant plant() {
        Limits lt = new Limits(95.0, 90.0, 10.0, 5.0, null, Priority.GRADE_1, null, Priority.GRADE_4, Priority.GRADE_2, 1.5);
        Limits trip = new Limits(null, null, null, null, 1.0, null, Priority.GRADE_2, null, null, 0);
        return new Plant("demo", List.of(new Area("TF", "罐区", "Tank farm")), List.of(
                new TagDef("TF.T101.LT", "TF", "T101", "Level", TagKind.ANALOG, "%", 0, 100, 20, 80, lt, 0, 0),
                new TagDef("TF.P1.TRIP", "TF", "P1", "Pump trip", TagKind.DISCRETE, "", 0, 1, 0, 0, trip, 0, 0),
                new TagDef("TF.FREE", "TF", "", "no limits", TagKind.ANALOG, "", 0, 1, 0, 1, null, 0, 0)));
    }

    @Test
    void fromPlantBuildsOneAlarmPerLimit() {
        AlarmConfig c = AlarmConfig.fromPlant(plant());
        Map<String, AlarmDef> byId = c.alarms().stream().collect(Collectors.toMap(AlarmDef::id, Function.identity()));
        assertEquals(List.of("TF.T101.LT:HH", "TF.T101.LT:H", "TF.T101.LT:L", "TF.T101.LT:LL",
                "TF.T101.LT:BAD_QUALITY", "TF.P1.TRIP:DISCRETE", "TF.P1.TRIP:BAD_QUALITY"),
                c.alarms().stream().map(AlarmDef::id).toList());
        assertEquals(Priority.GRADE_1, byId.get("TF.T101.LT:HH").priority());
        assertEquals(Priority.GRADE_3, byId.get("TF.T101.LT:H").priority(), "default when the plant gives none");
        assertEquals(Priority.GRADE_4, byId.get("TF.T101.LT:L").priority());
        assertEquals(1.5, byId.get("TF.T101.LT:LL").deadband());
        assertEquals(95.0, byId.get("TF.T101.LT:HH").setpoint());
        assertEquals(Duration.ZERO, byId.get("TF.T101.LT:HH").onDelay());
        assertEquals("TF", byId.get("TF.T101.LT:HH").area());
        assertEquals(Priority.GRADE_2, byId.get("TF.P1.TRIP:DISCRETE").priority());
        assertEquals(1.0, byId.get("TF.P1.TRIP:DISCRETE").setpoint());
        assertEquals(Duration.ofMinutes(2), c.operatorTime());
        assertEquals(Duration.ofMinutes(5), c.shiftLeaderTime());
        assertEquals(Duration.ofMinutes(10), c.safetyManagerTime());
    }

    @Test
    void programmaticConfigWithAllAttributes() {
        AlarmDef d = AlarmDef.builder("TF.T101.LT", AlarmType.HH).priority(Priority.GRADE_1).setpoint(95).deadband(2)
                .onDelay(Duration.ofSeconds(5)).offDelay(Duration.ofSeconds(10)).reAlarm(Duration.ofMinutes(30))
                .latching(true).guidance("close inlet valve XV-101").relatedDisplay("TF-overview").area("TF")
                .suppressWhen("TF.UNIT.DOWN", 1).description("Tank T101 level high-high").build();
        AlarmConfig c = AlarmConfig.fromPlant(plant()).toBuilder().replace(d).build();
        AlarmDef got = c.alarms().get(0);
        assertEquals(d, got);
        assertEquals(d, got.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> AlarmConfig.builder().replace(d));
        assertThrows(IllegalArgumentException.class, () -> AlarmConfig.builder().flood(Duration.ofMinutes(10), 10, 20).build());
        AlarmEngine e = new AlarmEngine(c, new ManualClock(Fixture.T0), new InMemoryAlarmJournal());
        assertEquals(7, e.alarmCount());
        assertTrue(e.activeAlarms().isEmpty());
    }
}
