package com.vigil.warning.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrozenValuesTest {

    /** First row at or after {@code from} with an active warning, or -1; fills {@code lastTop} with the leading tag. */
    private static int firstAlarm(EarlyWarningModel m, double[][] x, int from, String[] lastTop) {
        Monitor mon = m.monitor();
        int first = -1;
        for (int i = 0; i < x.length; i++) {
            Evaluation e = mon.push(i * 1000L, x[i]);
            if (e.alarm() && i >= from && first < 0) {
                first = i;
                if (lastTop != null) lastTop[0] = e.warning().contributors().get(0).tag();
            }
        }
        return first;
    }

    @Test
    void limitsComeFromTheLongestNormalRunAndHowOftenValuesRepeat() {
        double[][] x = Synthetic.normal(500, 3);
        // column 2 held for 5 rows at a time, as an analyser between samples: runs of 5 are normal
        for (int i = 0; i < x.length; i++) x[i][2] = x[i - i % 5][2];
        // column 5 a set point: the same value for the whole window
        for (double[] row : x) row[5] = 42.0;
        double[] lim = FrozenValues.fit(x, 6).limits();
        // a tag that never repeats: p = 1/500, so chance alone needs 1 + ceil(log 1e-6 / log 0.002) = 4 rows;
        // abnormal from 4, the longest normal run is 3
        assertEquals(3, lim[0]);
        // held for 5: 400 of 499 pairs are equal, p = 401/500, and chance alone needs 1 + ceil(62.6) = 64 rows,
        // far more than max(5 + 2, 10); the longest normal run is 63
        assertEquals(63, lim[2]);
        assertEquals(0, lim[5], "a tag constant over the training rows is not checked");
    }

    @Test
    void missingCellsAreSkippedInTrainingAndOnline() {
        double[][] x = Synthetic.normal(500, 3);
        // every other cell of column 1 missing: 250 readings, none repeated, so p = 1/250 and chance needs
        // 1 + ceil(log 1e-6 / log 0.004) = 4 rows, as for a tag without gaps
        for (int i = 0; i < x.length; i += 2) x[i][1] = Double.NaN;
        FrozenValues f = FrozenValues.fit(x, 6);
        assertEquals(3, f.limits()[1]);
        // online, a missing reading neither ends nor continues a run: 7, 7, gap, 7, 7 is a run of 4
        FrozenValues.Session s = f.session();
        double[] ratios = new double[6];
        double[][] stream = {{1, 7, 1, 1, 1, 1}, {2, 7, 2, 2, 2, 2}, {3, 7, 3, 3, 3, 3}, {4, 7, 4, 4, 4, 4}, {5, 7, 5, 5, 5, 5}};
        boolean[][] filled = {null, null, {false, true, false, false, false, false}, null, null};
        double last = 0;
        for (int i = 0; i < stream.length; i++) {
            last = s.next(stream[i], filled[i], ratios);
            if (i == 2) assertEquals(0, ratios[1], "no reading, no ratio");
        }
        assertEquals(4.0 / 3, ratios[1], 1e-12);
        assertEquals(4.0 / 3, last, 1e-12);
    }

    @Test
    void withinItsNormalLengthTheTierAddsNothing() {
        // a run shorter than the limit must neither raise the statistic (it could hold a warning open) nor
        // enter the ranking of the contributors
        double[][] train = Synthetic.normal(600, 1);
        for (int i = 0; i < train.length; i += 7) train[i][0] = train[i - (i > 0 ? 1 : 0)][0];  // FI101 repeats now and then
        EarlyWarningModel m = Detectors.create("dpca-res").fit(train, Synthetic.COLUMNS);
        double[][] x = Synthetic.normal(400, 5);
        for (int i = 1; i < x.length; i += 7) x[i][0] = x[i - 1][0];
        Monitor mon = m.monitor();
        for (int i = 0; i < x.length; i++) {
            Evaluation e = mon.push(i, x[i]);
            assertEquals(0.0, e.score().parts()[3], "frozen tier at row " + i);
        }
    }

    @Test
    void aValveStuckAtItsValueRaisesAndNamesTheTag() {
        double[][] train = Synthetic.normal(600, 1);
        EarlyWarningModel m = Detectors.create("dpca-res").fit(train, Synthetic.COLUMNS);
        double[][] x = Synthetic.normal(400, 5);
        double stuckAt = x[200][3];
        for (int i = 200; i < x.length; i++) x[i][3] = stuckAt;
        String[] top = new String[1];
        int first = firstAlarm(m, x, 50, top);
        // the stuck value is an ordinary value of LI104, so only the frozen tier sees it: row 200 starts the run,
        // and the run of 4 (rows 200..203) is the first abnormal one
        assertEquals(203, first);
        assertEquals("LI104", top[0]);
        assertEquals(-1, firstAlarm(m, Synthetic.normal(400, 5), 50, null), "the same stream without the stuck valve");
        // without the tier, only the broken correlation with the other tags shows it, much later
        EarlyWarningModel off = Detectors.create("dpca-res:fz=0").fit(train, Synthetic.COLUMNS);
        int late = firstAlarm(off, x, 50, null);
        assertTrue(late < 0 || late > first + 20, "without the frozen tier: " + late);
    }

    @Test
    void aMissingValueIsNotAFrozenOne() {
        double[][] train = Synthetic.normal(600, 1);
        EarlyWarningModel on = Detectors.create("dpca-res").fit(train, Synthetic.COLUMNS);
        EarlyWarningModel off = Detectors.create("dpca-res:fz=0").fit(train, Synthetic.COLUMNS);
        double[][] x = Synthetic.normal(400, 5);
        // LI104 bad for 100 rows: the monitor scores it as its last good value, which must not count as a repeat
        for (int i = 200; i < 300; i++) x[i][3] = Double.NaN;
        Monitor mon = on.monitor();
        for (int i = 0; i < x.length; i++) {
            double stuck = mon.push(i, x[i]).score().parts()[3];
            assertTrue(stuck < 1, "frozen tier " + stuck + " at row " + i);
        }
        // the held value does break LI104's correlation with the other tags; that warning is the other tiers'
        // and comes at the same row with the frozen tier on or off
        assertEquals(firstAlarm(off, x, 50, null), firstAlarm(on, x, 50, null));
    }

    @Test
    void savedModelKeepsTheLimitsAndOldModelsLoadWithoutTheTier(@TempDir Path dir) throws IOException {
        EarlyWarningModel m = Detectors.create("dpca-res").fit(Synthetic.normal(600, 1), Synthetic.COLUMNS);
        m.save(dir.resolve("r.model"));
        ResidualTierDetector back = (ResidualTierDetector) EarlyWarningModel.load(dir.resolve("r.model")).detector();
        assertTrue(back.settings().frozenCheck());
        assertArrayEquals(((ResidualTierDetector) m.detector()).toModel().vector("frozenLimit"), back.toModel().vector("frozenLimit"));
        // a model file written before the tier existed has neither key; it still loads, without the tier
        Path oldFile = dir.resolve("old.model");
        java.nio.file.Files.write(oldFile, java.nio.file.Files.readAllLines(dir.resolve("r.model")).stream()
            .filter(l -> !l.startsWith("d frozenCheck=") && !l.startsWith("v frozenLimit=")).toList());
        ModelFile withoutTier = ModelFile.read(oldFile);
        assertFalse(ResidualTierDetector.fromModel(withoutTier).settings().frozenCheck());
    }
}
