package com.vigil.app.bench;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.model.Actor;
import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Plant;
import com.vigil.model.Priority;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.ui.alarms.AlarmFilter;
import com.vigil.ui.alarms.AlarmListView;
import com.vigil.ui.alarms.AlarmListViewModel;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The alarm list under load: 10,000 active alarms from the real engine, through the adapter and the
 * view model into the TableView. Each operation is timed on the FX thread including the scene's CSS and layout
 * pass ({@link FxBench#scenePass}): re-sort of the whole list, a filter, and a bulk change of every row (all
 * acknowledged).
 */
public final class UiAlarmsBench {
    private UiAlarmsBench() {
    }

    public static List<String> run(int rows) throws Exception {
        FxBench.startFx();
        List<TagDef> tags = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            areas.add(new Area("A" + a, "区域" + a, "Area " + a));
        }
        for (int i = 0; i < rows; i++) {
            Priority p = Priority.values()[i % 4];
            tags.add(new TagDef("T" + i, "A" + (i % 20), "", "bench tag " + i, TagKind.ANALOG, "°C", 0, 200, 40, 160,
                    new Limits(null, 170.0, null, null, null, null, p, null, null, 1.0), 0, 0));
        }
        Plant plant = new Plant("bench", areas, tags);
        PlantDefinition def = new PlantDefinition(plant, Map.of(), new PlantDefinition.FloorPlan(1, 1, List.of()), Map.of());
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(plant), clock, new InMemoryAlarmJournal());
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(Sample.good("T" + i, clock.millis() + i, 180));
            if (batch.size() == 1000) {
                engine.onBatch(batch);
                batch = new ArrayList<>();
                clock.advance(java.time.Duration.ofSeconds(1));
            }
        }
        engine.onBatch(batch);
        I18n i18n = new I18n(Locale.ENGLISH);
        Actor op = new Actor("bench", Role.OPERATOR);
        AlarmUiAdapter adapter = new AlarmUiAdapter(engine, def, i18n, () -> op, new CompletableFuture<>());
        AlarmListViewModel model = new AlarmListViewModel(adapter);
        AlarmListView[] view = new AlarmListView[1];
        FxBench.onFx(() -> {
            view[0] = FxBench.show(new AlarmListView(model, adapter, adapter, adapter, TaskRunner.sameThread(), i18n,
                    new FxPulse(10), r -> { }, clock::millis), 1600, 1000);
            return null;
        });
        int shown = FxBench.onFx(() -> view[0].table().getItems().size());
        if (shown != rows) {
            throw new IllegalStateException("expected " + rows + " rows in the table, found " + shown);
        }
        // warm-up: the same operations, untimed, so the JIT has compiled the path (as JMH would)
        for (int w = 0; w < 15; w++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            engine.onBatch(values(rows, clock.millis(), w % 2 == 0 ? 100 : 180));
            FxBench.onFx(() -> {
                view[0].setFilter(new AlarmFilter(AlarmFilter.View.ACTIVE, Set.of("Area 3"), Set.of(1, 2), "1"));
                layout(view[0]);
                view[0].setFilter(AlarmFilter.ALL);
                layout(view[0]);
                return null;
            });
        }
        double sort = median(5, () -> FxBench.onFx(() -> {
            long t = System.nanoTime();
            model.setFilter(AlarmFilter.ALL.withText("x")); // force a new snapshot, then back: full re-sort
            model.setFilter(AlarmFilter.ALL);
            view[0].setFilter(AlarmFilter.ALL);
            layout(view[0]);
            return (System.nanoTime() - t) / 1e6;
        }));
        double filter = median(5, () -> FxBench.onFx(() -> {
            long t = System.nanoTime();
            view[0].setFilter(new AlarmFilter(AlarmFilter.View.ACTIVE, Set.of("Area 3"), Set.of(1, 2), "1"));
            layout(view[0]);
            double ms = (System.nanoTime() - t) / 1e6;
            view[0].setFilter(AlarmFilter.ALL);
            layout(view[0]);
            return ms;
        }));
        // bulk update: every alarm changes in the engine (all cleared, then all raised anew), the list shows
        // every row anew; the engine work happens before the timer starts, the UI work is timed
        double[] bulks = new double[7];
        for (int cycle = 0; cycle < bulks.length; cycle++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            engine.onBatch(values(rows, clock.millis(), cycle % 2 == 0 ? 100 : 180));
            bulks[cycle] = FxBench.onFx(() -> {
                long t = System.nanoTime();
                view[0].setFilter(AlarmFilter.ALL);
                layout(view[0]);
                return (System.nanoTime() - t) / 1e6;
            });
        }
        Arrays.sort(bulks);
        double bulk = bulks[bulks.length / 2];
        int after = FxBench.onFx(() -> view[0].table().getItems().size());
        if (after != rows) {
            throw new IllegalStateException("bulk update not shown: " + after + " rows instead of " + rows);
        }
        String passes = FxBench.passes();
        return List.of(String.format(Locale.ROOT, "BENCH ui-alarms.sort %.1f ms rows=%d passes=%s", sort, rows, passes),
                String.format(Locale.ROOT, "BENCH ui-alarms.filter %.1f ms rows=%d passes=%s", filter, rows, passes),
                String.format(Locale.ROOT, "BENCH ui-alarms.bulk_update %.1f ms rows=%d passes=%s", bulk, rows, passes));
    }

    private static List<Sample> values(int rows, long t, double v) {
        List<Sample> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            out.add(Sample.good("T" + i, t, v));
        }
        return out;
    }

    private static void layout(AlarmListView v) {
        FxBench.scenePass(v);
    }

    private static double median(int n, Supplier<Double> run) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = run.get();
        }
        Arrays.sort(x);
        return x[n / 2];
    }
}
