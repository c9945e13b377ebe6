package com.vigil.warning.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Limits;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.detect.Warning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetWarningsTest {
    static TagDef tag(String id, String equipment, TagKind kind) {
        return new TagDef(id, "PS", equipment, id, kind, "", 0, 200, 10, 150, Limits.NONE, 0, 0);
    }

    static final List<TagDef> TAGS = List.of(
            tag("PS.P1.FT", "P1", TagKind.ANALOG), tag("PS.P1.IT", "P1", TagKind.ANALOG),
            tag("PS.P1.PT", "P1", TagKind.ANALOG), tag("PS.P1.RUN", "P1", TagKind.DISCRETE),
            tag("PS.P2.FT", "P2", TagKind.ANALOG), tag("PS.GD1", "", TagKind.ANALOG), tag("PS.GD2", "", TagKind.ANALOG));

    /** A pump: current and discharge pressure follow the flow (load varies slowly), plus noise. */
    static double[] pump(double t, SplittableRandom rnd, double pressureOffset) {
        double flow = 40 + 10 * Math.sin(2 * Math.PI * t / 7200) + rnd.nextGaussian() * 0.5;
        double current = 20 + 1.5 * flow + rnd.nextGaussian() * 0.5;
        double pressure = 8 - 0.05 * flow + rnd.nextGaussian() * 0.05 + pressureOffset;
        return new double[] {flow, current, pressure};
    }

    @Test
    void assetsAreEquipmentWithAtLeastTwoAnalogTags() {
        List<AssetModels.Asset> assets = AssetModels.assets(TAGS);
        assertEquals(1, assets.size(), "P2 has one analog tag, gas detectors have no equipment: " + assets);
        assertEquals("PS.P1", assets.get(0).id());
        assertEquals(List.of("PS.P1.FT", "PS.P1.IT", "PS.P1.PT"), assets.get(0).tags());
    }

    @Test
    void aBrokenRelationWarnsNamingTheTagAndNormalOperationDoesNot(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(1);
        List<String> cols = List.of("PS.P1.FT", "PS.P1.IT", "PS.P1.PT");
        double[][] rows = new double[3 * 8640][];
        for (int i = 0; i < rows.length; i++) rows[i] = pump(i * 10.0, rnd, 0);
        List<String> notes = new ArrayList<>();
        Map<String, EarlyWarningModel> models = AssetModels.train(AssetModels.assets(TAGS),
                new AssetModels.Table(cols, rows), AssetModels.DEFAULT_DETECTOR, notes);
        assertEquals(1, models.size(), notes.toString());
        AssetModels.save(models, dir);
        Map<String, EarlyWarningModel> loaded = AssetModels.load(dir, AssetModels.assets(TAGS), notes);
        assertEquals(models.keySet(), loaded.keySet(), "saved and loaded: " + notes);

        List<String> raised = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        OnlineAssetWarnings online = new OnlineAssetWarnings(loaded, TAGS, 10_000, new OnlineAssetWarnings.Sink() {
            @Override
            public void raise(String asset, Warning w) {
                raised.add(asset);
                warnings.add(w);
            }

            @Override
            public void clear(String asset, long t) {
            }
        });
        // 6 h of normal operation, one sample per tag per second; then a blocked discharge line: the pressure
        // rises 1.5 bar while flow and current stay normal — no single value leaves its range
        for (int s = 0; s < 8 * 3600; s++) {
            double[] v = pump(s, rnd, s >= 6 * 3600 ? Math.min(1.5, (s - 6 * 3600) / 600.0) : 0);
            online.onBatch(List.of(Sample.good("PS.P1.FT", s * 1000L, v[0]), Sample.good("PS.P1.IT", s * 1000L, v[1]),
                    Sample.good("PS.P1.PT", s * 1000L, v[2])));
            if (s == 6 * 3600 - 1) assertEquals(List.of(), raised, "no warning in normal operation");
        }
        assertEquals(List.of("PS.P1"), raised);
        assertEquals("PS.P1.PT", warnings.get(0).contributors().get(0).tag(), "the pressure is named first");
    }

    @Test
    void aCommunicationLossDoesNotWarn() {
        SplittableRandom rnd = new SplittableRandom(2);
        List<String> cols = List.of("PS.P1.FT", "PS.P1.IT", "PS.P1.PT");
        double[][] rows = new double[8640][];
        for (int i = 0; i < rows.length; i++) rows[i] = pump(i * 10.0, rnd, 0);
        Map<String, EarlyWarningModel> models = AssetModels.train(AssetModels.assets(TAGS),
                new AssetModels.Table(cols, rows), AssetModels.DEFAULT_DETECTOR, new ArrayList<>());
        List<String> raised = new ArrayList<>();
        OnlineAssetWarnings online = new OnlineAssetWarnings(models, TAGS, 10_000, new OnlineAssetWarnings.Sink() {
            @Override
            public void raise(String asset, Warning w) {
                raised.add(asset);
            }

            @Override
            public void clear(String asset, long t) {
            }
        });
        for (int s = 0; s < 4 * 3600; s++) {
            boolean lost = s > 3600 && s < 7200;
            double[] v = pump(s, rnd, 0);
            List<Sample> batch = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                batch.add(lost ? new Sample(cols.get(j), s * 1000L, Double.NaN, Quality.STALE) : Sample.good(cols.get(j), s * 1000L, v[j]));
            }
            online.onBatch(batch);
        }
        assertEquals(List.of(), raised, "stale values are held, not scored as a deviation");
    }

    @Test
    void tooLittleOrConstantTrainingDataIsSkippedWithANote(@TempDir Path dir) throws Exception {
        List<String> cols = List.of("PS.P1.FT", "PS.P1.IT", "PS.P1.PT");
        List<String> notes = new ArrayList<>();
        double[][] few = new double[50][];
        for (int i = 0; i < few.length; i++) few[i] = new double[] {i, i, i};
        assertTrue(AssetModels.train(AssetModels.assets(TAGS), new AssetModels.Table(cols, few), "pca", notes).isEmpty());
        assertTrue(notes.get(0).contains("50 training rows, needs at least"), notes.toString());

        notes.clear();
        double[][] flat = new double[500][];
        for (int i = 0; i < flat.length; i++) flat[i] = new double[] {1, 2, i % 7};
        assertTrue(AssetModels.train(AssetModels.assets(TAGS), new AssetModels.Table(cols, flat), "pca", notes).isEmpty());
        assertTrue(notes.get(0).contains("fewer than 2 tags vary"), notes.toString());

        notes.clear();
        Files.writeString(dir.resolve("PS.P1.model"), "not a model\n");
        Files.writeString(dir.resolve("XX.Y.model"), "whatever\n");
        assertTrue(AssetModels.load(dir, AssetModels.assets(TAGS), notes).isEmpty());
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("PS.P1.model") && n.contains("retrain")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("no asset XX.Y")), notes.toString());
    }

    /** Frozen / thawed events of one online run, as text: "FROZEN tag at s", "THAWED tag at s". */
    static final class FrozenEvents implements OnlineAssetWarnings.Sink {
        final List<String> events = new ArrayList<>();
        final List<long[]> durations = new ArrayList<>();

        @Override
        public void raise(String asset, Warning w) {
        }

        @Override
        public void clear(String asset, long t) {
        }

        @Override
        public void frozen(String asset, String tag, long t, double value, long frozenFor, long normalMax) {
            events.add("FROZEN " + tag + " at " + t / 1000);
            durations.add(new long[] {frozenFor, normalMax});
        }

        @Override
        public void thawed(String asset, String tag, long t) {
            events.add("THAWED " + tag + " at " + t / 1000);
        }
    }

    static Map<String, EarlyWarningModel> trainedPump(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[3 * 8640][];
        for (int i = 0; i < rows.length; i++) rows[i] = pump(i * 10.0, rnd, 0);
        List<String> notes = new ArrayList<>();
        Map<String, EarlyWarningModel> models = AssetModels.train(AssetModels.assets(TAGS),
                new AssetModels.Table(List.of("PS.P1.FT", "PS.P1.IT", "PS.P1.PT"), rows), AssetModels.DEFAULT_DETECTOR, notes);
        assertEquals(1, models.size(), notes.toString());
        return models;
    }

    /**
     * 4 h of a pump, one sample per tag per second. From 2 h the pressure transmitter freezes at its last value for
     * 20 min, with 2 min of bad quality in the middle of it; from 2 h 30 min the current has 15 min of bad
     * quality, then comes back; from 3 h the flow reads the top of its range (200) for 20 min (over range).
     */
    static FrozenEvents runWithAFrozenPressure(Map<String, EarlyWarningModel> models) {
        SplittableRandom rnd = new SplittableRandom(7);
        FrozenEvents sink = new FrozenEvents();
        OnlineAssetWarnings online = new OnlineAssetWarnings(models, TAGS, 10_000, sink);
        double held = Double.NaN;
        for (int s = 0; s < 4 * 3600; s++) {
            double[] v = pump(s, rnd, 0);
            boolean frozen = s >= 7200 && s < 7200 + 1200;
            if (s == 7200) held = v[2];
            boolean bad = s >= 9000 && s < 9900;
            boolean ptBad = s >= 7800 && s < 7920;
            long t = s * 1000L;
            boolean overRange = s >= 3 * 3600 && s < 3 * 3600 + 1200;
            online.onBatch(List.of(Sample.good("PS.P1.FT", t, overRange ? 200 : v[0]),
                    bad ? new Sample("PS.P1.IT", t, Double.NaN, Quality.BAD) : Sample.good("PS.P1.IT", t, v[1]),
                    ptBad ? new Sample("PS.P1.PT", t, Double.NaN, Quality.BAD) : Sample.good("PS.P1.PT", t, frozen ? held : v[2])));
        }
        return sink;
    }

    @Test
    void aFrozenTagIsReportedOnItsOwnAndClearsWhenItMovesAgain(@TempDir Path dir) throws Exception {
        Map<String, EarlyWarningModel> models = trainedPump(3);
        AssetModels.save(models, dir);
        List<String> notes = new ArrayList<>();
        Map<String, EarlyWarningModel> loaded = AssetModels.load(dir, AssetModels.assets(TAGS), notes);
        assertTrue(loaded.get("PS.P1").frozenValues().isPresent(), "the limits are saved with the model: " + notes);
        assertEquals(List.of(models.get("PS.P1").frozenValues().orElseThrow().limits()[2]),
                List.of(loaded.get("PS.P1").frozenValues().orElseThrow().limits()[2]));

        FrozenEvents sink = runWithAFrozenPressure(loaded);
        // rows are every 10 s; the freeze starts at 7200 s. Noisy tags never repeat in training, so the floor of
        // 5 min decides: raised at the row where the run reaches 5 min, cleared at the first row after the freeze
        assertEquals(2, sink.events.size(), sink.events.toString());
        String raised = sink.events.get(0);
        assertTrue(raised.startsWith("FROZEN PS.P1.PT at "), sink.events.toString());
        long at = Long.parseLong(raised.substring(raised.lastIndexOf(' ') + 1));
        assertTrue(at >= 7200 + 300 && at <= 7200 + 320, "raised 5 min after the freeze, was " + at);
        assertTrue(sink.durations.get(0)[0] >= OnlineAssetWarnings.MIN_FROZEN_MILLIS, "frozen for " + sink.durations.get(0)[0]);
        assertTrue(sink.durations.get(0)[1] > 0 && sink.durations.get(0)[1] < sink.durations.get(0)[0],
                "normal at most " + sink.durations.get(0)[1]);
        assertTrue(sink.events.get(1).matches("THAWED PS\\.P1\\.PT at 84[01]0"), sink.events.toString());
        // a missing value is no reading: the 2 min of bad pressure did not clear the frozen pressure, and the 15 min
        // of bad current raised nothing; the flow clamped at the top of its range is over range, not frozen
    }

    @Test
    void aModelFileFromBeforeTheFrozenLimitsStillLoadsAndWarnsWithoutThem(@TempDir Path dir) throws Exception {
        AssetModels.save(trainedPump(4), dir);
        Path file = dir.resolve("PS.P1" + AssetModels.SUFFIX);
        List<String> lines = Files.readAllLines(file);
        List<String> old = lines.stream().filter(l -> !l.startsWith("v model.frozenLimit=")).toList();
        assertEquals(lines.size() - 1, old.size(), "the limits are one line of the file");
        Files.write(file, old);
        List<String> notes = new ArrayList<>();
        Map<String, EarlyWarningModel> loaded = AssetModels.load(dir, AssetModels.assets(TAGS), notes);
        assertEquals(List.of(), notes);
        assertTrue(loaded.get("PS.P1").frozenValues().isEmpty());
        assertEquals(List.of(), runWithAFrozenPressure(loaded).events, "no limits, no frozen check");

        List<String> wrong = new ArrayList<>(old);
        wrong.add(wrong.indexOf("end"), "v model.frozenLimit=2 3.0 3.0");
        Files.write(file, wrong);
        notes.clear();
        assertTrue(AssetModels.load(dir, AssetModels.assets(TAGS), notes).isEmpty());
        assertTrue(notes.get(0).contains("model.frozenLimit has 2 values for 3 tags"), notes.toString());
    }
}
