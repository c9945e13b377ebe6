package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmView;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.app.runtime.EarlyWarningAlarms;
import com.vigil.model.Actor;
import com.vigil.model.Priority;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.ui.kit.I18n;
import com.vigil.warning.online.OnlineTimeToThreshold;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A slow reactor temperature rise is warned as an ordinary alarm before the H limit alarm and at least 10 min
 * before the hard limit (HH) trips.
 */
class EarlyWarningAlarmsTest {

    @Test
    void warningPrecedesTheLimitAlarmAndReadsAsAPrediction() {
        PlantDefinition plant = PlantFiles.demo();
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T08:00:00Z"));
        AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(plant.plant()), clock, new InMemoryAlarmJournal());
        OnlineTimeToThreshold ttt = OnlineTimeToThreshold.withDefaults(plant.plant().tags(),
                new EarlyWarningAlarms(engine, plant));
        SplittableRandom rnd = new SplittableRandom(11);
        long warnedAt = -1;
        long limitAt = -1;
        long hardAt = -1;
        for (int s = 0; s < 5400 && hardAt < 0; s++) {
            double v = s < 900 ? 152 : 152 + 0.01 * (s - 900); // steady 15 min, then +0.6 °C/min (cooling lost)
            List<Sample> batch = List.of(Sample.good("RX.R201.TT", clock.millis(), v + rnd.nextGaussian() * 0.3));
            engine.onBatch(batch);
            ttt.onBatch(batch);
            if (warnedAt < 0 && engine.alarm("RX.R201.TT" + EarlyWarningAlarms.SUFFIX).map(AlarmView::active).orElse(false)) {
                warnedAt = clock.millis();
            }
            if (limitAt < 0 && engine.alarm("RX.R201.TT:H").map(AlarmView::active).orElse(false)) {
                limitAt = clock.millis();
            }
            if (engine.alarm("RX.R201.TT:HH").map(AlarmView::active).orElse(false)) {
                hardAt = clock.millis();
            }
            clock.advance(java.time.Duration.ofSeconds(1));
        }
        assertTrue(warnedAt > 0 && limitAt > 0 && hardAt > 0, "warning, H and HH raised");
        assertTrue(limitAt - warnedAt >= 3 * 60_000L, "warning at least 3 min before the H alarm: "
                + (limitAt - warnedAt) / 60_000.0 + " min");
        assertTrue(hardAt - warnedAt >= 10 * 60_000L, "warning at least 10 min before HH: "
                + (hardAt - warnedAt) / 60_000.0 + " min");
        Optional<AlarmView> w = engine.alarm("RX.R201.TT" + EarlyWarningAlarms.SUFFIX);
        assertEquals(Priority.GRADE_3, w.orElseThrow().priority(), "one grade below the H limit's grade 2");

        AlarmUiAdapter ui = new AlarmUiAdapter(engine, plant, new I18n(Locale.ENGLISH),
                () -> new Actor("op", Role.OPERATOR), new CompletableFuture<>());
        AlarmRow row = ui.rows().stream().filter(r -> r.id().endsWith(EarlyWarningAlarms.SUFFIX)).findFirst().orElseThrow();
        assertEquals("Warning", row.type());
        assertTrue(row.guidance().startsWith("1. Check the cooling-water flow and valve"),
                "the tag's guidance from the plant file: " + row.guidance());
        assertTrue(row.description().matches("R-201 reactor temperature — H 172\\.0 in \\d+ min, at \\d\\d:\\d\\d"),
                row.description());
    }

    @Test
    void aReplacedModelSetCannotLeaveAWarningBehind() {
        PlantDefinition plant = PlantFiles.demo();
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T08:00:00Z"));
        AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(plant.plant()), clock, new InMemoryAlarmJournal());
        com.vigil.app.runtime.AssetWarningAlarms old = new com.vigil.app.runtime.AssetWarningAlarms(engine, plant);
        com.vigil.warning.detect.Warning w = new com.vigil.warning.detect.Warning("PS.P401", clock.millis(), 1.6,
                List.of(new com.vigil.warning.detect.Contribution("PS.P401.BT", 7.2)));
        old.raise("PS.P401", w);
        assertTrue(engine.alarm("PS.P401:MV").orElseThrow().active());
        old.retire(List.of("PS.P401", "PS.P402"), clock.instant());
        assertTrue(!engine.alarm("PS.P401:MV").orElseThrow().active(), "cleared when the models were replaced");
        // the ingest thread may still be in a batch of the old models: what they report now is ignored
        old.raise("PS.P401", new com.vigil.warning.detect.Warning("PS.P401", clock.millis() + 1000, 1.8, w.contributors()));
        assertTrue(!engine.alarm("PS.P401:MV").orElseThrow().active(), "a retired set raises nothing");
    }
}
