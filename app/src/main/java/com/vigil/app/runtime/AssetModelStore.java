package com.vigil.app.runtime;

import com.vigil.plantconfig.PlantDefinition;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.offline.RecordedSamples;
import com.vigil.warning.online.AssetModels;
import com.vigil.warning.online.OnlineAssetWarnings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the console's multivariate asset models come from: a directory of model files (one per asset), trained
 * on a recorded file of normal operation ({@code timestamp,tag,value,quality}: a historian export or a
 * headless simulator run) or, for the demo plant, on a simulated day of normal operation.
 */
public final class AssetModelStore {
    /** Sub-directory of the data directory holding the console's asset models. */
    public static final String DIR = "models";

    private AssetModelStore() {
    }

    /** The models saved in {@code dir} for this plant (damaged or foreign files are skipped with a note). */
    public static Map<String, EarlyWarningModel> load(PlantDefinition plant, Path dir, List<String> notes) throws IOException {
        return AssetModels.load(dir, AssetModels.assets(plant.plant().tags()), notes);
    }

    /**
     * Trains on {@code days} simulated runs of {@code hours} normal operation each (seeds {@code seed},
     * {@code seed + 1}, …), one after the other. With several runs the detector's out-of-fold calibration uses
     * one fold per run, so the limits allow for the differences between runs (another day, another load).
     */
    public static Map<String, EarlyWarningModel> trainOnSimulatedDays(PlantDefinition plant, long seed, int days,
                                                                      double hours, String detector, List<String> notes) {
        List<AssetModels.Table> runs = new java.util.ArrayList<>();
        for (int d = 0; d < days; d++) {
            runs.add(SimulatedPlantFeed.normalOperation(plant, seed + d, hours, OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS));
        }
        AssetModels.Table t = AssetModels.concat(runs);
        String spec = days > 1 && !detector.contains("folds=") ? detector + (detector.contains(":") ? "," : ":") + "folds=" + days : detector;
        return AssetModels.train(AssetModels.assets(plant.plant().tags()), t, spec, notes);
    }

    /** Trains on a recorded file of normal operation (errors name the file, line and field). */
    public static Map<String, EarlyWarningModel> trainOnRecording(PlantDefinition plant, Path file, String detector,
                                                                  List<String> notes) throws IOException {
        AssetModels.Table t = RecordedSamples.read(file, AssetModels.trainingColumns(plant.plant().tags()),
                OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS);
        return AssetModels.train(AssetModels.assets(plant.plant().tags()), t, detector, notes);
    }
}
