package com.vigil.warning.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Limits;
import com.vigil.model.Priority;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeToThresholdTest {
    static final Limits LIMITS = new Limits(95.0, 90.0, 20.0, 10.0, null,
        Priority.GRADE_1, Priority.GRADE_2, Priority.GRADE_2, Priority.GRADE_1, 0.5);
    static final long MIN = 60_000L;

    /** Feeds a ramp value(t) = start + slope·minutes + noise, with an outlier every 7th sample. */
    private static Optional<ThresholdWarning> feed(TimeToThreshold p, double start, double slopePerMin, double noise,
                                                   boolean outliers, int samples, long stepMillis, long seed) {
        Random r = new Random(seed);
        Optional<ThresholdWarning> last = Optional.empty();
        for (int i = 0; i < samples; i++) {
            long t = i * stepMillis;
            double v = start + slopePerMin * t / (double) MIN + noise * r.nextGaussian();
            if (outliers && i % 7 == 3) v += (i % 2 == 0 ? 40 : -40);
            last = p.update(new Sample("TI1", t, v, Quality.GOOD));
        }
        return last;
    }

    @Test
    void noisyRampWithOutliersPredictsTheCrossingOfH() {
        TimeToThreshold p = new TimeToThreshold("TI1", LIMITS, TimeToThreshold.Settings.defaults());
        // 40 + 1/min; after 120 samples of 5 s (10 min) the level is ~50; H = 90 is ~40 min ahead
        Optional<ThresholdWarning> w = feed(p, 40, 1.0, 0.5, true, 121, 5_000, 1);
        assertTrue(w.isEmpty(), "40 min ahead is beyond the 30 min horizon: " + w);
        TimeToThreshold p2 = new TimeToThreshold("TI1", LIMITS, TimeToThreshold.Settings.defaults());
        Optional<ThresholdWarning> w2 = feed(p2, 65, 1.0, 0.5, true, 121, 5_000, 2);
        assertTrue(w2.isPresent(), "ramp towards H within the horizon must warn");
        ThresholdWarning tw = w2.get();
        assertEquals("H", tw.limitName());
        assertEquals(Priority.GRADE_2, tw.priority());
        // level 75 at t = 10 min, crossing 90 at t = 25 min
        double minutes = tw.predictedCrossingMillis() / (double) MIN;
        assertEquals(25.0, minutes, 1.0, "predicted crossing at " + minutes + " min");
        assertEquals(1.0, tw.slopePerMinute(), 0.1);
    }

    @Test
    void flatNoisySignalWithOutliersGivesNoWarning() {
        TimeToThreshold p = new TimeToThreshold("TI1", LIMITS, TimeToThreshold.Settings.defaults());
        for (long seed = 1; seed <= 20; seed++) {
            assertTrue(feed(p, 85, 0.0, 2.0, true, 200, 5_000, seed).isEmpty(), "seed " + seed);
        }
    }

    @Test
    void fallingRampTargetsLowLimitAndAboveHTargetsHH() {
        TimeToThreshold down = new TimeToThreshold("TI1", LIMITS, TimeToThreshold.Settings.defaults());
        Optional<ThresholdWarning> w = feed(down, 50, -2.0, 0.3, false, 61, 10_000, 3);
        assertEquals("L", w.orElseThrow().limitName());
        assertTrue(w.get().millisToCrossing() > 0);
        TimeToThreshold up = new TimeToThreshold("TI1", LIMITS, TimeToThreshold.Settings.defaults());
        Optional<ThresholdWarning> w2 = feed(up, 88, 0.5, 0.1, false, 61, 10_000, 4);
        assertEquals("HH", w2.orElseThrow().limitName());
        assertEquals(95.0, w2.get().limitValue());
    }

    @Test
    void badQualityAndNaNAreIgnored() {
        TimeToThreshold p = new TimeToThreshold("TI1", LIMITS, TimeToThreshold.Settings.defaults());
        for (int i = 0; i < 100; i++) {
            p.update(new Sample("TI1", i * 5_000L, i % 2 == 0 ? 500 : Double.NaN, Quality.BAD));
        }
        assertEquals(null, p.trend());
        assertFalse(p.update(new Sample("TI1", 600_000L, 70, Quality.GOOD)).isPresent());
    }

    @Test
    void theilSenIgnoresGrossOutliers() {
        long[] t = new long[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            t[i] = i * 1000L;
            y[i] = 2.0 * i + (i % 5 == 0 ? 1000 : 0);
        }
        RobustTrend tr = RobustTrend.fit(t, y);
        assertEquals(2.0 / 1000, tr.slopePerMilli(), 1e-6);
        assertEquals(98.0, tr.valueAt(49_000), 1e-6);
    }
}
