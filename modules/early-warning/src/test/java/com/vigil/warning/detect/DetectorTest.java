package com.vigil.warning.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DetectorTest {

    static List<String> names() {
        return Detectors.names();
    }

    private static int alarms(EarlyWarningModel m, double[][] x, int from, int to) {
        Monitor mon = m.monitor();
        int a = 0;
        for (int i = 0; i < to; i++) {
            Evaluation e = mon.push(i * 1000L, x[i]);
            if (i >= from && e.alarm()) a++;
        }
        return a;
    }

    @ParameterizedTest
    @MethodSource("names")
    void quietOnNormalDataAndDetectsASensorBias(String name) {
        EarlyWarningModel m = Detectors.create(name).fit(Synthetic.normal(600, 1), Synthetic.COLUMNS);
        double[][] normal = Synthetic.normal(1000, 2);
        int fa = alarms(m, normal, 0, normal.length);
        assertTrue(fa < 0.12 * normal.length, name + ": " + fa + " false alarms on 1000 normal rows");
        double[][] faulty = Synthetic.withBias(800, 3, 3, 300, 6.0);
        int hits = alarms(m, faulty, 300, 400);
        assertTrue(hits > 50, name + ": only " + hits + " of 100 faulty rows alarmed");
    }

    @Test
    void warningRanksTheFaultyTagFirst() {
        EarlyWarningModel m = Detectors.create("pca").fit(Synthetic.normal(600, 1), Synthetic.COLUMNS);
        double[][] faulty = Synthetic.withBias(500, 4, 3, 200, 6.0);
        Monitor mon = m.monitor();
        Warning last = null;
        for (int i = 0; i < faulty.length; i++) {
            Evaluation e = mon.push(i * 1000L, faulty[i]);
            if (e.alarm() && i > 250) last = e.warning();
        }
        assertTrue(last != null, "no warning raised");
        assertEquals("LI104", last.contributors().get(0).tag(), last.describe(3));
        assertTrue(last.describe(2).startsWith("pca "), last.describe(2));
    }

    @Test
    void persistenceSuppressesASingleSpike() {
        EarlyWarningModel m = Detectors.create("pca").fit(Synthetic.normal(600, 1), Synthetic.COLUMNS);
        double[][] x = Synthetic.normal(300, 5);
        x[150][1] += 200; // one absurd sample
        Monitor mon = m.monitor();
        boolean raisedAt150 = false;
        for (int i = 0; i < x.length; i++) {
            Evaluation e = mon.push(i, x[i]);
            if (i == 150 || i == 151) raisedAt150 |= e.raised();
        }
        assertFalse(raisedAt150, "a single spike must not raise a warning (on-delay)");
    }

    @ParameterizedTest
    @MethodSource("names")
    void modelRoundTripsThroughItsFile(String name, @TempDir Path dir) throws IOException {
        EarlyWarningModel m = Detectors.create(name).fit(Synthetic.normal(600, 1), Synthetic.COLUMNS);
        Path f = dir.resolve(name + ".model");
        m.save(f);
        assertTrue(Files.readString(f).startsWith(ModelFile.MAGIC + " " + ModelFile.VERSION + "\n"));
        EarlyWarningModel back = EarlyWarningModel.load(f);
        assertEquals(m.columns(), back.columns());
        assertEquals(m.limit(), back.limit(), 0.0);
        double[][] x = Synthetic.withBias(400, 6, 0, 200, 5);
        Monitor a = m.monitor(), b = back.monitor();
        for (int i = 0; i < x.length; i++) {
            Evaluation ea = a.push(i, x[i]), eb = b.push(i, x[i]);
            assertEquals(ea.score().statistic(), eb.score().statistic(), 1e-9, name + " row " + i);
            assertEquals(ea.alarm(), eb.alarm());
        }
    }

    @Test
    void rejectsAModelOfAnotherVersion(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("m.model");
        Files.writeString(f, ModelFile.MAGIC + " 99\nkind pca\nend\n");
        IOException e = assertThrows(IOException.class, () -> EarlyWarningModel.load(f));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    }

    @Test
    void tooLittleTrainingDataSaysWhatIsNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new PcaDetector().fit(Synthetic.normal(5, 1), Synthetic.COLUMNS));
        assertTrue(e.getMessage().contains("need at least"), e.getMessage());
    }

    @Test
    void constantAndEmptyTagsAreIgnoredNotFatal() {
        double[][] x = Synthetic.normal(400, 7);
        for (double[] r : x) {
            r[2] = 1.0;          // constant
            r[5] = Double.NaN;   // no numbers at all
        }
        PcaDetector d = new PcaDetector();
        EarlyWarningModel m = EarlyWarningModel.fit("t", d, new DecisionPolicy(0.1, 0.99, 1, 3, 0.7, 10), x, Synthetic.COLUMNS);
        String notes = String.join("; ", d.fitNotes());
        assertTrue(notes.contains("PI103") && notes.contains("FI106"), notes);
        Evaluation e = m.monitor().push(0, x[0]);
        assertTrue(Double.isFinite(e.score().statistic()));
    }

    @Test
    void missingValuesInAStreamAreHeldNotCrashing() {
        EarlyWarningModel m = Detectors.create("dpca").fit(Synthetic.normal(600, 1), Synthetic.COLUMNS);
        Monitor mon = m.monitor();
        double[] row = Synthetic.normal(1, 9)[0];
        for (int i = 0; i < 20; i++) {
            double[] r = row.clone();
            if (i % 3 == 0) Arrays.fill(r, Double.NaN);
            assertTrue(Double.isFinite(mon.push(i, r).score().statistic()));
        }
    }

    @Test
    void detectorOptionsAreParsedAndValidated() {
        assertEquals(2, ((PcaDetector) Detectors.create("pca:lags=2,alarm=1.5").detector()).lags());
        assertThrows(IllegalArgumentException.class, () -> Detectors.create("nope"));
        assertThrows(IllegalArgumentException.class, () -> Detectors.create("pca:bogus=1"));
        assertThrows(IllegalArgumentException.class, () -> Detectors.create("pca:lags=x"));
    }

    @Test
    void faultDirectionsAreLearntFromExamplesAndSaved(@TempDir Path dir) throws IOException {
        Detectors.Config cfg = Detectors.create("dpca:faults=1");
        EarlyWarningModel m = cfg.fitWithFaults(Synthetic.normal(600, 1), Synthetic.COLUMNS,
            List.of(Synthetic.withBias(300, 11, 3, 0, 4.0), Synthetic.withBias(300, 12, 0, 0, -4.0)));
        assertTrue(m.detector().fitNotes().contains("2 fault directions learnt from 2 fault examples"), m.detector().fitNotes().toString());
        m.save(dir.resolve("f.model"));
        EarlyWarningModel back = EarlyWarningModel.load(dir.resolve("f.model"));
        double[][] x = Synthetic.withBias(200, 13, 3, 100, 3.0);
        Monitor a = m.monitor(), b = back.monitor();
        for (int i = 0; i < x.length; i++) {
            assertEquals(a.push(i, x[i]).score().statistic(), b.push(i, x[i]).score().statistic(), 1e-9);
        }
    }

    @Test
    void modelFileEscapesNames(@TempDir Path dir) throws IOException {
        ModelFile m = new ModelFile("x").put("columns", List.of("Volume Flow RateRMS", "a=b", "温度%"));
        m.write(dir.resolve("f"));
        assertEquals(List.of("Volume Flow RateRMS", "a=b", "温度%"), ModelFile.read(dir.resolve("f")).list("columns"));
    }
}
