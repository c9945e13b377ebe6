package com.vigil.warning.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftScreenDetectorTest {

    /** Synthetic plant rows with an extra tag, TI107, that wanders as a slow random walk (a warming temperature). */
    private static double[][] withWanderingTag(int n, long seed, double stepSd) {
        double[][] base = Synthetic.normal(n, seed);
        Random r = new Random(seed + 100);
        double level = 70;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            level += stepSd * r.nextGaussian();
            x[i] = Arrays.copyOf(base[i], 7);
            x[i][6] = level + 0.02 * r.nextGaussian();
        }
        return x;
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(Synthetic.COLUMNS);
        c.add("TI107");
        return c;
    }

    private static int alarms(EarlyWarningModel m, double[][] x, int from) {
        Monitor mon = m.monitor();
        int a = 0;
        for (int i = 0; i < x.length; i++) {
            if (mon.push(i * 1000L, x[i]).alarm() && i >= from) a++;
        }
        return a;
    }

    @Test
    void variogramOfATrendGrowsWithLagAndOfNoiseDoesNot() {
        double[][] x = new double[400][2];
        Random r = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = 0.05 * i + r.nextGaussian();
        }
        double noise = DriftScreenDetector.variogram(x, 0, 100) / DriftScreenDetector.variogram(x, 0, 20);
        double trend = DriftScreenDetector.variogram(x, 1, 100) / DriftScreenDetector.variogram(x, 1, 20);
        assertTrue(noise < 1.5, "noise: " + noise);
        assertTrue(trend > 5, "trend: " + trend);
    }

    @Test
    void screensTheWanderingTagAndStillDetectsABiasOnAStationaryOne() {
        Detectors.Config cfg = Detectors.create("screen-pca");
        double[][] train = withWanderingTag(400, 1, 0.05);
        EarlyWarningModel m = cfg.fit(train, columns());
        DriftScreenDetector d = (DriftScreenDetector) m.detector();
        assertEquals(Synthetic.COLUMNS, d.keptColumns());
        assertTrue(String.join("; ", d.fitNotes()).contains("TI107"), d.fitNotes().toString());

        // the wandering tag keeps wandering, far outside its training range: no warning
        double[][] later = withWanderingTag(1000, 2, 0.05);
        for (double[] row : later) row[6] += 5;
        int fa = alarms(m, later, 0);
        assertTrue(fa < 0.12 * later.length, fa + " false alarms while only the screened tag moved");

        // a bias on a stationary tag is detected, and the warning names it
        double[][] faulty = withWanderingTag(800, 3, 0.05);
        for (int i = 300; i < faulty.length; i++) faulty[i][3] += 6.0;
        assertTrue(alarms(m, faulty, 300) > 250, "bias on LI104 not detected");
        Monitor mon = m.monitor();
        Warning last = null;
        for (int i = 0; i < 400; i++) {
            Evaluation e = mon.push(i, faulty[i]);
            if (e.alarm()) last = e.warning();
        }
        assertTrue(last != null && last.contributors().get(0).tag().equals("LI104"), String.valueOf(last));
    }

    @Test
    void screenedModelRoundTripsThroughItsFile(@TempDir Path dir) throws IOException {
        EarlyWarningModel m = Detectors.create("screen-pca").fit(withWanderingTag(400, 1, 0.05), columns());
        m.save(dir.resolve("s.model"));
        EarlyWarningModel back = EarlyWarningModel.load(dir.resolve("s.model"));
        assertEquals(((DriftScreenDetector) m.detector()).keptColumns(), ((DriftScreenDetector) back.detector()).keptColumns());
        assertEquals(m.detector().fitNotes(), back.detector().fitNotes());
        double[][] x = withWanderingTag(400, 4, 0.05);
        for (int i = 200; i < x.length; i++) x[i][0] += 5;
        Monitor a = m.monitor(), b = back.monitor();
        for (int i = 0; i < x.length; i++) {
            Evaluation ea = a.push(i, x[i]), eb = b.push(i, x[i]);
            assertEquals(ea.score().statistic(), eb.score().statistic(), 1e-9, "row " + i);
            assertEquals(ea.alarm(), eb.alarm());
        }
    }

    @Test
    void keepsEveryTagWhenAllOfThemDrift() {
        double[][] x = new double[300][2];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = 0.1 * i + Math.sin(i);
            x[i][1] = -0.2 * i + Math.cos(i);
        }
        DriftScreenDetector d = new DriftScreenDetector(DriftScreenDetector.Settings.defaults(), new PcaDetector());
        d.fit(x, List.of("A", "B"));
        assertEquals(List.of("A", "B"), d.keptColumns());
        assertTrue(d.fitNotes().get(0).contains("none screened out"), d.fitNotes().toString());
    }
}
