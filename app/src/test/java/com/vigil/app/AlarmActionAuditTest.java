package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.AuditTrail;
import com.vigil.accounts.InMemoryAuditStore;
import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.ui.alarms.AlarmCommands;
import com.vigil.ui.kit.I18n;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Every alarm action is audited: while the audit trail cannot be had, the action is refused as a whole (nothing
 * done, said in the operator's language), and once it is there the same action is done and audited.
 */
class AlarmActionAuditTest {

    @Test
    void anActionIsRefusedUntilTheAuditTrailIsThereThenDoneAndAudited() {
        PlantDefinition plant = PlantFiles.demo();
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T08:00:00Z"));
        AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(plant.plant()), clock, new InMemoryAlarmJournal());
        engine.onBatch(List.of(Sample.good("WH.GD11", clock.millis(), 32)));
        String id = "WH.GD11:H";
        assertTrue(engine.alarm(id).orElseThrow().active());

        AuditTrail trail = new AuditTrail(new InMemoryAuditStore(), clock);
        AtomicReference<AuditTrail> open = new AtomicReference<>();
        AlarmUiAdapter ui = new AlarmUiAdapter(engine, plant, new I18n(Locale.SIMPLIFIED_CHINESE),
                () -> new Actor("op1", Role.OPERATOR), new CompletableFuture<>(), () -> {
                    if (open.get() == null) {
                        throw new IllegalStateException("the audit trail is not open yet");
                    }
                    return open.get();
                });

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ui.acknowledge(List.of(id), "vent on"));
        assertEquals("审计日志尚未打开（数据库仍在打开），请稍后重试", refused.getMessage());
        assertEquals("UNACK", engine.alarm(id).orElseThrow().state().name(), "nothing was done");

        open.set(trail);
        AlarmCommands.Result r = ui.acknowledge(List.of(id), "vent on");
        assertEquals(1, r.done());
        assertEquals("ACKED", engine.alarm(id).orElseThrow().state().name());
        List<AuditEntry> audited = trail.find(new AuditFilter(null, null, "op1", java.util.Set.of()), 10);
        assertEquals(1, audited.size(), "the acknowledgement is in the audit trail once");
        assertEquals(id, audited.get(0).target());
    }
}
