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
        OnlineAssetWarnings online = new OnlineAssetWarnings(loaded, 10_000, new OnlineAssetWarnings.Sink() {
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
        OnlineAssetWarnings online = new OnlineAssetWarnings(models, 10_000, new OnlineAssetWarnings.Sink() {
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
}
