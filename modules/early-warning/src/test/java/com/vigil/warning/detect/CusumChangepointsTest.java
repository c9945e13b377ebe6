package com.vigil.warning.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CusumChangepointsTest {

    private static double[][] noise(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][3];
        for (double[] row : x) for (int j = 0; j < 3; j++) row[j] = 10 * j + r.nextGaussian();
        return x;
    }

    @Test
    void stepIsDetectedQuicklyOnceAndQuietOnNoise() {
        double[][] x = noise(1400, 7);
        for (int t = 900; t < x.length; t++) x[t][1] += 8; // step of 8 sigma on tag 1 at row 900
        CusumChangepoints c = CusumChangepoints.fit(java.util.Arrays.copyOf(x, 400), CusumChangepoints.Settings.defaults());
        List<Integer> hits = new ArrayList<>();
        for (int t = 400; t < x.length; t++) if (c.push(x[t])) hits.add(t);
        assertTrue(hits.stream().anyMatch(h -> h >= 900 && h <= 910), "step detected within 10 rows: " + hits);
        assertTrue(hits.stream().filter(h -> h < 900).count() <= 1, "at most one false changepoint in 500 normal rows: " + hits);
        assertTrue(hits.stream().filter(h -> h > 930).count() <= 1, "re-baselined after the step: " + hits);
    }

    @Test
    void missingValuesAndConstantTagsAreTolerated() {
        double[][] x = noise(600, 3);
        for (double[] row : x) row[2] = 5; // constant tag: ignored
        x[450][0] = Double.NaN;
        CusumChangepoints c = CusumChangepoints.fit(java.util.Arrays.copyOf(x, 400), CusumChangepoints.Settings.defaults());
        int hits = 0;
        for (int t = 400; t < x.length; t++) if (c.push(x[t])) hits++;
        assertTrue(hits <= 1, "hits on noise: " + hits);
        assertThrows(IllegalArgumentException.class, () -> CusumChangepoints.fit(new double[10][3], CusumChangepoints.Settings.defaults()));
        assertEquals(20, CusumChangepoints.Settings.defaults().baselineRows());
    }
}
