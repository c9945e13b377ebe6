package com.vigil.warning.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Limits;
import com.vigil.model.Priority;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.warning.trend.ThresholdWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnlineTimeToThresholdTest {
    static final TagDef T = new TagDef("RX.TT", "RX", "", "reactor", TagKind.ANALOG, "°C", 0, 250, 140, 165,
            new Limits(185.0, 172.0, 130.0, null, null, Priority.GRADE_1, Priority.GRADE_2, Priority.GRADE_3, null, 1),
            0, 0);

    static final class Recorder implements OnlineTimeToThreshold.Sink {
        final List<ThresholdWarning> raised = new ArrayList<>();
        final List<Long> cleared = new ArrayList<>();

        @Override
        public void raise(ThresholdWarning w) {
            raised.add(w);
        }

        @Override
        public void update(ThresholdWarning w) {
        }

        @Override
        public void clear(String tag, long t) {
            cleared.add(t);
        }
    }

    @Test
    void slowRampIsWarnedBeforeItCrossesAndNoiseIsNot() {
        Recorder r = new Recorder();
        OnlineTimeToThreshold ttt = OnlineTimeToThreshold.withDefaults(List.of(T), r);
        SplittableRandom rnd = new SplittableRandom(3);
        long t0 = 0;
        // 30 min of noisy steady operation at 152 °C: no warning
        for (int s = 0; s < 1800; s++) {
            ttt.onBatch(List.of(Sample.good("RX.TT", t0 + s * 1000L, 152 + rnd.nextGaussian() * 0.4)));
        }
        assertEquals(0, r.raised.size(), "noise alone never warns");
        // cooling lost: +0.6 °C/min; leaves the normal band (165) after ~22 min, crosses H (172) after ~33 min
        // and the hard limit HH (185) after ~55 min
        long rampStart = t0 + 1800_000L;
        long leftBand = -1;
        long crossing = -1;
        long hard = -1;
        for (int s = 0; s < 3600; s++) {
            double v = 152 + 0.01 * s + rnd.nextGaussian() * 0.4;
            long t = rampStart + s * 1000L;
            if (leftBand < 0 && v > 165) {
                leftBand = t;
            }
            if (crossing < 0 && v > 172) {
                crossing = t;
            }
            if (hard < 0 && v > 185) {
                hard = t;
            }
            ttt.onBatch(List.of(Sample.good("RX.TT", t, v)));
        }
        assertTrue(hard > 0);
        assertEquals(1, r.raised.size(), "one warning, raised once");
        ThresholdWarning w = r.raised.get(0);
        assertEquals("H", w.limitName());
        assertTrue(w.evaluatedAtMillis() >= leftBand, "no prediction while the value is inside its normal band");
        assertTrue(crossing - w.evaluatedAtMillis() >= 5 * 60_000L,
                "warned at least 5 min before H, was " + (crossing - w.evaluatedAtMillis()) / 60_000.0 + " min");
        assertTrue(hard - w.evaluatedAtMillis() >= 10 * 60_000L,
                "warned at least 10 min before the hard limit, was " + (hard - w.evaluatedAtMillis()) / 60_000.0 + " min");
        assertTrue(Math.abs(w.predictedCrossingMillis() - crossing) < 8 * 60_000L,
                "predicted crossing within 8 min of the real one");
    }

    @Test
    void aSwingInsideTheBandOrABriefDipOutOfItIsNotAWarning() {
        Recorder r = new Recorder();
        OnlineTimeToThreshold ttt = OnlineTimeToThreshold.withDefaults(List.of(T), r);
        SplittableRandom rnd = new SplittableRandom(5);
        // 3 h of a 10-minute swing of ±9 °C around 155 °C: the upper swings reach 164 (inside the band) and the
        // lower ones 146 — steep 10-minute trends all along, and a dip below the band (140) every hour
        for (int s = 0; s < 3 * 3600; s++) {
            double swing = 9 * Math.sin(2 * Math.PI * s / 600.0);
            double dip = (s % 3600) >= 1800 && (s % 3600) < 1920 ? -8 * Math.sin(Math.PI * ((s % 3600) - 1800) / 120.0) : 0;
            ttt.onBatch(List.of(Sample.good("RX.TT", s * 1000L, 155 + swing + dip + rnd.nextGaussian() * 0.3)));
        }
        assertEquals(0, r.raised.size(), "swings and brief dips are not trends towards a limit: " + r.raised);
    }

    @Test
    void discreteAndLimitlessTagsAreNotWatched() {
        TagDef door = new TagDef("D", "A", "", "door", TagKind.DISCRETE, "", 0, 1, 0, 1, Limits.NONE, 0, 0);
        TagDef free = new TagDef("F", "A", "", "free", TagKind.ANALOG, "", 0, 1, 0, 1, Limits.NONE, 0, 0);
        assertEquals(1, OnlineTimeToThreshold.withDefaults(List.of(T, door, free), new Recorder()).watched());
    }
}
