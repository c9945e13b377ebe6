package com.vigil.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Limits;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.sim.scenario.TruthEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The physics where it matters, and the ground-truth log against what the tags did. */
class PlantPhysicsTest {
    static final PlantDefinition DEMO = PlantFiles.demo();

    @Test
    void sameSeedSameStepsSameValues() {
        PlantDynamics a = new PlantDynamics(DEMO, 11);
        PlantDynamics b = new PlantDynamics(DEMO, 11);
        a.inject("gas-leak", null, Map.of());
        b.inject("gas-leak", null, Map.of());
        for (int k = 0; k < 600; k++) {
            a.step(1.0);
            b.step(1.0);
        }
        assertArrayEquals(values(a), values(b));
        PlantDynamics c = new PlantDynamics(DEMO, 12);
        for (int k = 0; k < 600; k++) {
            c.step(1.0);
        }
        assertTrue(!java.util.Arrays.equals(values(a), values(c)), "another seed, other noise");
    }

    @Test
    void normalOperationStaysInsideAlarmLimitsForAFullDay() {
        PlantDynamics d = new PlantDynamics(DEMO, 3);
        List<TagDef> tags = d.tags();
        Map<String, double[]> range = new LinkedHashMap<>();
        TreeSet<String> outside = new TreeSet<>();
        for (int k = 0; k < 24 * 360; k++) { // 24 h in 10 s steps
            d.step(10);
            for (int i = 0; i < tags.size(); i++) {
                TagDef t = tags.get(i);
                double v = d.value(i);
                range.computeIfAbsent(t.id(), x -> new double[] {v, v});
                double[] r = range.get(t.id());
                r[0] = Math.min(r[0], v);
                r[1] = Math.max(r[1], v);
                Limits l = t.limits();
                if (t.kind() == TagKind.ANALOG && ((l.h() != null && v >= l.h()) || (l.l() != null && v <= l.l())
                        || (l.hh() != null && v >= l.hh()) || (l.ll() != null && v <= l.ll()))) {
                    outside.add(t.id() + "=" + v);
                }
                if (t.kind() == TagKind.DISCRETE && l.offNormal() != null && v == l.offNormal()) {
                    outside.add(t.id() + "=" + v);
                }
            }
        }
        assertTrue(outside.isEmpty(), "no alarm in a normal day, but: " + outside);
        // levels stay within the vessel: well inside the L/H limits, near their set points
        for (String lt : List.of("TF.T101.LT", "TF.T102.LT", "TF.T103.LT", "TF.T104.LT", "TF.T105.LT", "TF.T106.LT")) {
            double[] r = range.get(lt);
            assertTrue(r[0] > 12 && r[1] < 88, lt + " within L..H: " + r[0] + ".." + r[1]);
            assertTrue(r[1] - r[0] < 25, lt + " held by its level controller: " + r[0] + ".." + r[1]);
        }
        double[] rx = range.get("RX.R201.TT");
        assertTrue(rx[0] > 140 && rx[1] < 165, "reactor temperature held near 152 °C: " + rx[0] + ".." + rx[1]);
        double[] lvl = range.get("RX.R201.LT");
        assertTrue(lvl[0] < 45 && lvl[1] > 65, "batch cycle fills and empties the reactor: " + lvl[0] + ".." + lvl[1]);
        double[] gas = range.get("WH.GD11");
        assertTrue(gas[0] >= 0 && gas[1] < 3, "gas detector at zero with noise: " + gas[1]);
        double[] flow = range.get("PS.P401.FT");
        assertTrue(flow[1] - flow[0] > 4, "pump flow follows the day/night load: " + flow[0] + ".." + flow[1]);
    }

    @Test
    void coolingFailureRaisesReactorTemperatureMonotonicallyAndTheLogSaysWhen() {
        PlantDynamics d = new PlantDynamics(DEMO, 5);
        int tt = d.indexOf("RX.R201.TT");
        for (int k = 0; k < 600; k++) {
            d.step(1);
        }
        d.inject("cooling-failure", "RX.R201", Map.of());
        double start = d.time();
        List<Double> minuteMeans = new ArrayList<>();
        List<double[]> samples = new ArrayList<>();
        double sum = 0;
        for (int k = 1; k <= 60 * 60; k++) {
            d.step(1);
            double v = d.value(tt);
            samples.add(new double[] {d.time(), v});
            sum += v;
            if (k % 60 == 0) {
                minuteMeans.add(sum / 60);
                sum = 0;
            }
        }
        // after the cooling water has run down (3 min), the smoothed temperature only goes up
        for (int m = 4; m < minuteMeans.size(); m++) {
            assertTrue(minuteMeans.get(m) >= minuteMeans.get(m - 1),
                    "minute " + m + ": " + minuteMeans.get(m - 1) + " -> " + minuteMeans.get(m));
        }
        TruthEvent h = d.groundTruth().stream().filter(e -> e.event().equals("CROSS") && "RX.R201.TT".equals(e.tag())
                && "H".equals(e.limit())).findFirst().orElseThrow(() -> new AssertionError("no H crossing logged"));
        double minutes = (h.simSeconds() - start) / 60;
        assertTrue(minutes >= 20 && minutes <= 40, "H (172 °C) reached after 20-40 min, was " + minutes);
        assertMatchesSamples(h, samples, 172);
        TruthEvent hh = d.groundTruth().stream().filter(e -> "RX.R201.TT".equals(e.tag()) && "HH".equals(e.limit()))
                .findFirst().orElseThrow(() -> new AssertionError("no HH crossing logged"));
        assertTrue(hh.hardLimit() && hh.simSeconds() > h.simSeconds());
        assertMatchesSamples(hh, samples, 185);
        assertEquals("RX", h.area());
        TruthEvent startEvent = d.groundTruth().get(0);
        assertEquals("START", startEvent.event());
        assertEquals(start, startEvent.simSeconds(), 1.0);
    }

    /** The logged crossing is the first sample at or beyond the limit; every sample before it was inside. */
    private static void assertMatchesSamples(TruthEvent e, List<double[]> samples, double limit) {
        for (double[] s : samples) {
            if (s[0] < e.simSeconds() - 1e-6) {
                assertTrue(s[1] < limit, "before the logged crossing at " + e.simSeconds() + " s the value " + s[1]
                        + " at " + s[0] + " s was already beyond " + limit);
            } else if (Math.abs(s[0] - e.simSeconds()) < 1e-6) {
                assertTrue(s[1] >= limit, "logged crossing value " + s[1]);
                assertEquals(s[1], e.value(), 1e-3);
                return;
            }
        }
        throw new AssertionError("crossing time not among the samples");
    }

    @Test
    void leakReachesTheNearestDetectorBeforeTheFarOnes() {
        PlantDynamics d = new PlantDynamics(DEMO, 9);
        d.inject("gas-leak", "WH.GD11", Map.of());
        String[] dets = {"WH.GD11", "WH.GD13", "WH.GD12"}; // 1 m, ~10 m, ~22 m from the source
        double[] firstAbove = new double[dets.length];
        java.util.Arrays.fill(firstAbove, Double.NaN);
        List<double[]> gd11 = new ArrayList<>();
        for (int k = 0; k < 30 * 60; k++) {
            d.step(1);
            for (int j = 0; j < dets.length; j++) {
                double v = d.value(d.indexOf(dets[j]));
                if (Double.isNaN(firstAbove[j]) && v >= 5) {
                    firstAbove[j] = d.time();
                }
            }
            gd11.add(new double[] {d.time(), d.value(d.indexOf("WH.GD11"))});
        }
        assertTrue(firstAbove[0] < firstAbove[1] && firstAbove[1] < firstAbove[2],
                "5 %LEL reached nearest first: " + java.util.Arrays.toString(firstAbove));
        assertTrue(firstAbove[2] - firstAbove[0] > 120, "spreads over minutes");
        List<TruthEvent> cross = d.groundTruth().stream().filter(e -> e.event().equals("CROSS")).toList();
        assertEquals("WH.GD11", cross.get(0).tag(), "first alarm at the nearest detector: " + cross);
        assertEquals("H", cross.get(0).limit());
        assertMatchesSamples(cross.get(0), gd11, 20);
        TruthEvent hard = cross.stream().filter(TruthEvent::hardLimit).findFirst().orElseThrow();
        assertEquals("WH.GD11", hard.tag());
        assertTrue(cross.stream().anyMatch(e -> e.tag().equals("WH.GD13") && e.limit().equals("H")),
                "the neighbour 10 m away alarms too: " + cross);
        assertTrue(cross.stream().noneMatch(e -> e.tag().equals("WH.GD12")), "22 m away stays below 20 %LEL");
    }

    @Test
    void bearingWearGrowsVibrationAndCurrentOverHours() {
        PlantDynamics d = new PlantDynamics(DEMO, 4);
        int vt = d.indexOf("PS.P401.VT");
        int it = d.indexOf("PS.P401.IT");
        double vib0 = d.value(vt);
        double cur0 = d.trueValue(it);
        d.inject("bearing-wear", "PS.P401", Map.of("hours", "2"));
        for (int k = 0; k < 2 * 360; k++) {
            d.step(10);
        }
        assertTrue(d.value(vt) > 11.2 && vib0 < 4.5, "vibration " + vib0 + " -> " + d.value(vt));
        assertTrue(d.trueValue(it) > cur0 * 1.1, "current " + cur0 + " -> " + d.trueValue(it));
        List<TruthEvent> cross = d.groundTruth().stream().filter(e -> e.event().equals("CROSS")).toList();
        TruthEvent h = cross.stream().filter(e -> e.tag().equals("PS.P401.VT") && e.limit().equals("H")).findFirst()
                .orElseThrow();
        TruthEvent hh = cross.stream().filter(e -> e.tag().equals("PS.P401.VT") && e.limit().equals("HH")).findFirst()
                .orElseThrow();
        assertTrue(h.simSeconds() > 3600 && h.simSeconds() < hh.simSeconds(), h + " / " + hh);
    }

    @Test
    void sensorFaultsAndReliefValve() {
        PlantDynamics d = new PlantDynamics(DEMO, 4);
        int pt = d.indexOf("RX.R201.PT");
        d.inject("sensor-freeze", "RX.R201.PT", Map.of("duration", "300"));
        double frozen = d.value(pt);
        for (int k = 0; k < 200; k++) {
            d.step(1);
            assertEquals(frozen, d.value(pt));
        }
        d.inject("relief-open", "RX.R201", Map.of());
        for (int k = 0; k < 600; k++) {
            d.step(1);
        }
        assertTrue(d.value(pt) < 1.2, "pressure falls with the relief valve open: " + d.value(pt));
        assertEquals(1.0, d.value(d.indexOf("RX.R201.PSV")));
        assertTrue(d.groundTruth().stream().anyMatch(e -> "RX.R201.PT".equals(e.tag()) && "L".equals(e.limit())));
        assertTrue(d.groundTruth().stream().anyMatch(e -> e.event().equals("END") && e.scenario().equals("sensor-freeze")));

        int lt = d.indexOf("TF.T101.LT");
        d.inject("sensor-drift", "TF.T101.LT", Map.of("rate", "30"));
        double before = d.trueValue(lt);
        for (int k = 0; k < 3600; k++) {
            d.step(1);
        }
        assertTrue(d.value(lt) - d.trueValue(lt) > 25, "drifted 30 %/h away from the truth");
        assertEquals(before, d.trueValue(lt), 10, "the level itself is still controlled");
    }

    @Test
    void unknownScenarioListsTheValidOnes() {
        PlantDynamics d = new PlantDynamics(DEMO, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.inject("meteor-strike", null, Map.of()));
        assertTrue(e.getMessage().contains("gas-leak") && e.getMessage().contains("cooling-failure"), e.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> d.inject("cooling-failure", "PS.P401", Map.of()));
        assertTrue(t.getMessage().contains("RX.R201"), t.getMessage());
    }

    @Test
    void simulatedClockAndDayNight() {
        PlantDynamics d = new PlantDynamics(DEMO, 1, java.time.Instant.parse("2026-03-01T00:00:00Z"));
        d.step(3600);
        assertEquals(java.time.Instant.parse("2026-03-01T01:00:00Z"), d.clock().instant());
        assertNotNull(d.clock().getZone());
    }

    private static double[] values(PlantDynamics d) {
        double[] v = new double[d.tags().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = d.value(i);
        }
        return v;
    }
}
