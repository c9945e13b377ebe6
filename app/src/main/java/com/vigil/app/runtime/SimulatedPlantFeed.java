package com.vigil.app.runtime;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import com.vigil.model.TagDef;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.warning.online.AssetModels;
import com.vigil.warning.online.OnlineAssetWarnings;
import com.vigil.warning.online.PeriodRows;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo plant's dynamics without a server, fed to sample consumers as the console would receive them: every
 * tag once per simulated second, analog values as the server publishes them (Float32), discrete 0/1, a failed
 * sensor or a communication loss as BAD. Used to train the asset models on a simulated day of normal operation
 * and to evaluate the early warning against the simulator's ground truth.
 */
public final class SimulatedPlantFeed {
    private SimulatedPlantFeed() {
    }

    /** Runs {@code dyn} for {@code seconds} simulated seconds, one batch per second to every listener. */
    public static void run(PlantDynamics dyn, double seconds, List<? extends SampleBatchListener> listeners) {
        run(dyn, seconds, 1.0, listeners);
    }

    /**
     * Runs {@code dyn} for {@code seconds} simulated seconds in steps of {@code stepSeconds}, one batch per step to
     * every listener (the demo server steps 0.25 s at real-time speed).
     */
    public static void run(PlantDynamics dyn, double seconds, double stepSeconds,
                           List<? extends SampleBatchListener> listeners) {
        List<TagDef> tags = dyn.tags();
        while (dyn.time() < seconds - 1e-9) {
            dyn.step(stepSeconds);
            long t = dyn.clock().millis();
            boolean lost = dyn.commLost();
            List<Sample> batch = new ArrayList<>(tags.size());
            for (int i = 0; i < tags.size(); i++) {
                TagDef d = tags.get(i);
                if (lost) {
                    batch.add(new Sample(d.id(), t, Double.NaN, Quality.STALE));
                } else if (dyn.isBad(i)) {
                    batch.add(new Sample(d.id(), t, Double.NaN, Quality.BAD));
                } else {
                    batch.add(Sample.good(d.id(), t, dyn.published(i)));
                }
            }
            for (SampleBatchListener l : listeners) l.onBatch(batch);
        }
    }

    /**
     * Records {@code hours} of normal operation (no scenario) of the plant with {@code seed} as a training table
     * for {@link AssetModels#train}: one row per {@code periodMillis} with every analog tag.
     */
    public static AssetModels.Table normalOperation(PlantDefinition plant, long seed, double hours, long periodMillis) {
        List<String> columns = AssetModels.trainingColumns(plant.plant().tags());
        List<double[]> rows = new ArrayList<>();
        PeriodRows pr = new PeriodRows(columns, periodMillis, (time, row) -> rows.add(row.clone()));
        SampleBatchListener feed = pr::accept;
        run(new PlantDynamics(plant, seed), hours * 3600, List.of(feed));
        return new AssetModels.Table(columns, rows.toArray(new double[0][]));
    }

    /** Default period of the asset models (the same as {@link OnlineAssetWarnings#DEFAULT_PERIOD_MILLIS}). */
    public static long period() {
        return OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS;
    }
}
