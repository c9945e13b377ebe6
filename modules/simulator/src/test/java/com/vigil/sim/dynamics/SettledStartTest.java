package com.vigil.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.TagDef;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The console starts the demo plant at the wall-clock time, and the plant it shows must already be in steady
 * operation, like a real plant that ran before the console was started. A start still settling is a deviation the
 * early-warning models were not trained on: TR-1's winding temperature (a 15-min lag of the load current) started
 * near the afternoon load peak still read ~2 °C low after the old fixed 30-min settling, and the asset model raised
 * a false warning 6 min after the console started.
 *
 * <p>Compared here: the tags whose true value is a function of the plant clock alone (lags towards the load cycles
 * and the day/night load, and first-order followers of those), for a plant started at S and the same plant started
 * four hours earlier and run to S. Tags shaped by the controllers of the units depend on the measurement-noise
 * history and legitimately differ.
 */
class SettledStartTest {
    static final PlantDefinition DEMO = PlantFiles.demo();

    @Test
    void aStartAtAnyTimeOfDayIsAlreadySettled() {
        Instant[] starts = {Instant.parse("2026-03-01T05:30:00Z"), // 13:30 plant time, near the load peak
                Instant.parse("2026-03-01T18:00:00Z")}; // 02:00 plant time, the lowest load
        for (Instant s : starts) {
            PlantDynamics fresh = new PlantDynamics(DEMO, 7, s);
            PlantDynamics running = new PlantDynamics(DEMO, 7, s.minusSeconds(4 * 3600));
            running.step(4 * 3600);
            StringBuilder off = new StringBuilder();
            int compared = 0;
            for (int i = 0; i < fresh.tags().size(); i++) {
                if (!clockDriven(fresh.models, i)) {
                    continue;
                }
                compared++;
                TagDef t = fresh.tags().get(i);
                double tol = 0.002 * (t.engHigh() - t.engLow());
                double a = fresh.trueValue(i);
                double b = running.trueValue(i);
                if (Math.abs(a - b) > tol) {
                    off.append(String.format(Locale.ROOT, " %s fresh %.3f running %.3f;", t.id(), a, b));
                }
            }
            assertTrue(compared >= 20, "compared " + compared + " tags");
            int tr1 = fresh.indexOf("UT.TR1.TT");
            assertTrue(clockDriven(fresh.models, tr1), "TR-1 winding temperature is among them");
            assertEquals("", off.toString(), "start " + s + ": not settled");
        }
    }

    /** A lag towards the clock's cycles, or a follower (of a follower ...) of one. */
    private static boolean clockDriven(TagModel[] models, int i) {
        for (int depth = 0; depth < models.length; depth++) {
            TagModel m = models[i];
            if (m.kind == TagModel.Kind.LAG) {
                return true;
            }
            if (m.kind != TagModel.Kind.FOLLOW) {
                return false;
            }
            i = m.of;
        }
        return false;
    }
}
