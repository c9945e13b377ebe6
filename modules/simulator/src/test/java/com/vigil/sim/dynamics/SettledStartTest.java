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
 * <p>Compared here: the tags whose true value follows the clock alone (lags towards the load cycles and the
 * day/night load, and first-order followers of those; noise is measurement only), for a plant started with the
 * default settling and the same plant settled for a whole day first. Tags shaped by the controllers of the units are
 * left out.
 */
class SettledStartTest {
    static final PlantDefinition DEMO = PlantFiles.demo();

    @Test
    void aStartAtAnyTimeOfDayIsAlreadySettled() {
        Instant[] starts = {Instant.parse("2026-03-01T05:30:00Z"), // 13:30 plant time, near the load peak
                Instant.parse("2026-03-01T18:00:00Z")}; // 02:00 plant time, the lowest load
        for (Instant s : starts) {
            PlantDynamics fresh = new PlantDynamics(DEMO, 7, s);
            PlantDynamics longSettled = new PlantDynamics(DEMO, 7, s, 24 * 3600);
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
                double b = longSettled.trueValue(i);
                if (Math.abs(a - b) > tol) {
                    off.append(String.format(Locale.ROOT, " %s fresh %.3f settled a day %.3f;", t.id(), a, b));
                }
            }
            assertTrue(compared >= 20, "compared " + compared + " tags");
            assertTrue(clockDriven(fresh.models, fresh.indexOf("UT.TR1.TT")), "TR-1 winding temperature is among them");
            assertEquals("", off.toString(), "start " + s + ": not settled");
        }
    }

    @Test
    void settlingIsSixOfTheSlowestTimeConstantsWithinBounds() {
        PlantDynamics d = new PlantDynamics(DEMO, 7, Instant.parse("2026-03-01T05:30:00Z"));
        assertEquals(6 * 900, PlantDynamics.settleSeconds(d.models), 1e-9, "the demo plant's slowest lag is 15 min");
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
