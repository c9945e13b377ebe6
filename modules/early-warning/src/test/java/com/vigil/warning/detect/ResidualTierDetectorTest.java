package com.vigil.warning.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidualTierDetectorTest {

    /** First row at or after {@code from} with an active warning, or -1. */
    private static int firstAlarm(EarlyWarningModel m, double[][] x, int from) {
        Monitor mon = m.monitor();
        int first = -1;
        for (int i = 0; i < x.length; i++) {
            if (mon.push(i * 1000L, x[i]).alarm() && i >= from && first < 0) first = i;
        }
        return first;
    }

    @Test
    void aSmallBiasOnOneTagIsRaisedByTheTagTierBeforeTheCombinedStatistic() {
        double[][] train = Synthetic.normal(600, 1);
        EarlyWarningModel res = Detectors.create("dpca-res").fit(train, Synthetic.COLUMNS);
        EarlyWarningModel dpca = Detectors.create("dpca").fit(train, Synthetic.COLUMNS);
        // TI105 = 60 - a + 0.5·b + noise 0.3: a bias of 0.8 is small against the tag's spread (about 2),
        // but large against its residual once the two latent factors are explained by the other tags
        double[][] x = Synthetic.withBias(400, 5, 4, 200, 0.8);
        int r = firstAlarm(res, x, 200), d = firstAlarm(dpca, x, 200);
        assertTrue(r >= 200 && r < 230, "dpca-res must raise soon after the bias: " + r);
        assertTrue(d < 0 || r < d, "dpca-res " + r + " should raise before dpca " + d);
        // a new normal run on which dpca stays quiet after the start-up transient of the lag history: the tag tier
        // adds no warning and stays below its raise level
        double[][] fresh = Synthetic.normal(1000, 9);
        assertEquals(-1, firstAlarm(dpca, fresh, 50));
        assertEquals(-1, firstAlarm(res, fresh, 50), "no warning on a new normal run");
        Monitor quiet = res.monitor();
        for (int i = 0; i < fresh.length; i++) {
            double tagTier = quiet.push(i, fresh[i]).score().parts()[1];
            assertTrue(i < 50 || tagTier < 1, "tag tier " + tagTier + " at row " + i);
        }
        Monitor mon = res.monitor();
        Evaluation last = null;
        for (double[] row : x) last = mon.push(0, row);
        assertEquals("TI105", last.warning().contributors().get(0).tag());
    }

    @Test
    void savedModelScoresTheSame(@TempDir Path dir) throws IOException {
        EarlyWarningModel m = Detectors.create("dpca-res:tm=1.5,tl=0.3").fit(Synthetic.normal(600, 1), Synthetic.COLUMNS);
        m.save(dir.resolve("r.model"));
        EarlyWarningModel back = EarlyWarningModel.load(dir.resolve("r.model"));
        assertEquals(1.5, ((ResidualTierDetector) back.detector()).settings().tagMargin());
        double[][] x = Synthetic.withBias(300, 13, 3, 150, 2.0);
        Monitor a = m.monitor(), b = back.monitor();
        for (int i = 0; i < x.length; i++) {
            Evaluation ea = a.push(i, x[i]), eb = b.push(i, x[i]);
            assertEquals(ea.score().statistic(), eb.score().statistic(), 1e-9);
            assertEquals(ea.alarm(), eb.alarm());
        }
    }
}
