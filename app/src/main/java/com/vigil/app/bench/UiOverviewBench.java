package com.vigil.app.bench;

import com.vigil.ingest.IngestPipeline;
import com.vigil.ingest.LiveSnapshot;
import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Priority;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.ui.kit.CssTokens;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.overview.LimitSparkLineSkin;
import com.vigil.ui.overview.OverviewView;
import com.vigil.ui.overview.OverviewViewModel;
import com.vigil.ui.overview.TagAlarmLookup;
import eu.hansolo.tilesfx.Tile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;

/**
 * The overview (tiles) under load, timed on the FX thread: applying the values, then the scene's CSS and layout pass.
 * Not timed: handing the changed nodes to the render thread and drawing the pixels (that depends on the graphics
 * card), so the figures are a lower bound of a pulse's cost.
 * <ul>
 * <li>{@code ui-overview.pulse}: one display pulse in which every one of the analog tiles has a new value, and one
 * in which one tile in ten has (a plant sampled at 1 Hz, seen by the 10 Hz pulse): the samples go through the ingest
 * pipeline into the live snapshot, then the pulse applies them to the view (checked: the newest value is shown).
 * Printed with its share of the 100 ms between two pulses.</li>
 * <li>{@code ui-overview.skin}: the same tiles and values, once with the overview's {@link LimitSparkLineSkin} and
 * once with TilesFX's own spark-line skin, in the same run, which goes first alternating: the cost of the skin the
 * overview chose. Ours includes its layout root (a value does not re-lay out the flow of tiles); TilesFX's does not.</li>
 * </ul>
 */
public final class UiOverviewBench {
    private static final int AREAS = 10;
    private static final int WARMUP = 40;
    private static final int ROUNDS = 15;

    private UiOverviewBench() {
    }

    public static List<String> run(int tiles) throws Exception {
        FxBench.startFx();
        List<Area> areas = new ArrayList<>();
        for (int a = 0; a < AREAS; a++) {
            areas.add(new Area("A" + a, "区域" + a, "Area " + a));
        }
        List<TagDef> tags = new ArrayList<>();
        for (int i = 0; i < tiles; i++) {
            tags.add(new TagDef("A" + (i % AREAS) + ".T" + i, "A" + (i % AREAS), "", "bench tag " + i, TagKind.ANALOG,
                    "°C", 0, 200, 40, 160, new Limits(null, 170.0, 30.0, null, null, null, Priority.GRADE_2,
                    Priority.GRADE_2, null, 1.0), 0, 0));
        }
        CssTokens tokens = CssTokens.dark();
        Random rnd = new Random(1);
        double[] level = new double[tiles];
        for (int i = 0; i < tiles; i++) {
            level[i] = 60 + 80 * rnd.nextDouble();
        }

        // the whole path: ingest pipeline → live snapshot → pulse → OverviewView; every tile changed in a pulse, and
        // one in ten (a 1 Hz plant seen by a 10 Hz pulse)
        LiveSnapshot snapshot = new LiveSnapshot(16);
        FxPulse pulse = new FxPulse(10);
        OverviewView view;
        double allMs;
        double tenthMs;
        try (IngestPipeline pipeline = new IngestPipeline(64, snapshot)) {
            pipeline.start();
            OverviewViewModel model = new OverviewViewModel(tags, snapshot, TagAlarmLookup.NONE);
            view = FxBench.onFx(() -> FxBench.show(new OverviewView(model, areas, t -> t, new I18n(Locale.ENGLISH),
                    tokens, pulse, t -> { }), 1920, 1080));
            long[] time = {1_767_225_600_000L};
            double[][] ms = new double[2][ROUNDS];
            for (int round = -WARMUP; round < ROUNDS; round++) {
                for (int every : new int[] {1, 10}) {
                    List<Sample> batch = new ArrayList<>(tiles);
                    time[0] += 100;
                    for (int i = (round + WARMUP) % every; i < tiles; i += every) {
                        batch.add(Sample.good(tags.get(i).id(), time[0], next(level, i, rnd)));
                    }
                    pipeline.onBatch(batch);
                    pipeline.drain(10_000);
                    double one = FxBench.onFx(() -> {
                        long t = System.nanoTime();
                        pulse.pulse();
                        FxBench.scenePass(view);
                        return (System.nanoTime() - t) / 1e6;
                    });
                    Sample newest = batch.get(batch.size() - 1);
                    if (FxBench.onFx(() -> view.tile(newest.tag()).getValue()) != newest.value()) {
                        throw new IllegalStateException("the pulse did not show the newest value of " + newest.tag());
                    }
                    if (round >= 0) {
                        ms[every == 1 ? 0 : 1][round] = one;
                    }
                }
            }
            allMs = FxBench.median(ms[0]);
            tenthMs = FxBench.median(ms[1]);
        }

        // the skin alone: the same tiles and values, ours against TilesFX's spark line
        List<Tile> ours = new ArrayList<>();
        List<LimitSparkLineSkin> oursSkins = new ArrayList<>();
        List<Tile> theirs = new ArrayList<>();
        FxBench.onFx(() -> {
            for (TagDef t : tags) {
                Tile a = OverviewView.baseTile(t, t.description(), tokens);
                LimitSparkLineSkin skin = new LimitSparkLineSkin(a, t, LimitSparkLineSkin.Palette.of(tokens));
                a.setSkin(skin);
                ours.add(a);
                oursSkins.add(skin);
                theirs.add(OverviewView.baseTile(t, t.description(), tokens)); // TilesFX builds its skin on show
            }
            FxBench.show(new ScrollPane(new FlowPane(6, 6, ours.toArray(new Tile[0]))), 1920, 1080);
            FxBench.show(new ScrollPane(new FlowPane(6, 6, theirs.toArray(new Tile[0]))), 1920, 1080);
            return null;
        });
        String skinName = FxBench.onFx(() -> theirs.get(0).getSkin().getClass().getSimpleName());
        double[] oursMs = new double[ROUNDS];
        double[] theirsMs = new double[ROUNDS];
        for (int round = -WARMUP; round < ROUNDS; round++) {
            double[] values = new double[tiles];
            for (int i = 0; i < tiles; i++) {
                values[i] = next(level, i, rnd);
            }
            java.util.concurrent.Callable<Double> oursRound = () -> {
                long t = System.nanoTime();
                for (int i = 0; i < tiles; i++) {
                    ours.get(i).setValue(values[i]);
                    oursSkins.get(i).append(values[i]);
                }
                FxBench.scenePass(ours.get(0).getScene().getRoot());
                return (System.nanoTime() - t) / 1e6;
            };
            java.util.concurrent.Callable<Double> theirsRound = () -> {
                long t = System.nanoTime();
                for (int i = 0; i < tiles; i++) {
                    theirs.get(i).setValue(values[i]);
                }
                FxBench.scenePass(theirs.get(0).getScene().getRoot());
                return (System.nanoTime() - t) / 1e6;
            };
            // which one goes first alternates, so that neither always follows the other's garbage
            double a;
            double b;
            if (round % 2 == 0) {
                a = FxBench.onFx(oursRound);
                b = FxBench.onFx(theirsRound);
            } else {
                b = FxBench.onFx(theirsRound);
                a = FxBench.onFx(oursRound);
            }
            if (round >= 0) {
                oursMs[round] = a;
                theirsMs[round] = b;
            }
        }
        double oursMedian = FxBench.median(oursMs);
        double theirsMedian = FxBench.median(theirsMs);
        return List.of(
                pulseLine(allMs, tiles, tiles),
                pulseLine(tenthMs, tiles, tiles / 10),
                String.format(Locale.ROOT, "BENCH ui-overview.skin %.1f ms tiles=%d tilesfx_%s=%.1f ms ratio=%.2f"
                        + " passes=%s (every tile a new value, CSS and layout; median of %d, order alternating)", oursMedian,
                        tiles, skinName, theirsMedian, theirsMedian / oursMedian, FxBench.passes(), ROUNDS));
    }

    private static String pulseLine(double ms, int tiles, int changed) {
        return String.format(Locale.ROOT, "BENCH ui-overview.pulse %.1f ms tiles=%d changed=%d share_of_100ms=%.2f"
                + " passes=%s (ingest -> snapshot -> pulse -> tiles, CSS and layout; median of %d)", ms, tiles, changed,
                ms / 100, FxBench.passes(), ROUNDS);
    }

    /** A random walk inside the normal band, so every value is new and both skins redraw. */
    private static double next(double[] level, int i, Random rnd) {
        level[i] = Math.max(45, Math.min(155, level[i] + rnd.nextGaussian()));
        return level[i];
    }


}
