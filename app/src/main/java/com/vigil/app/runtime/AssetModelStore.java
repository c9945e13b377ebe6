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

    /**
     * The training table of {@code [from, to)} from the console's historian: one row per period boundary with the
     * last good value of every analog tag before it, as {@link com.vigil.warning.online.PeriodRows} builds it
     * online. Read as per-period aggregates, so a week costs one query per tag. A period without samples carries
     * the previous value (values are reported on change); a period with only bad samples gives NaN until a good
     * value comes again. Periods in which nothing was recorded (the console was not running) are left out. Differs
     * from the online rows only where a period mixes good and bad samples (here its last good value counts) and in
     * counting UNCERTAIN as usable.
     */
    public static AssetModels.Table historianTable(PlantDefinition plant, com.vigil.historian.Historian historian,
                                                   long from, long to, long periodMillis) {
        List<String> columns = AssetModels.trainingColumns(plant.plant().tags());
        long start = Math.floorDiv(from, periodMillis) * periodMillis;
        long end = Math.floorDiv(to, periodMillis) * periodMillis;
        int n = (int) Math.max(0, (end - start) / periodMillis);
        double[][] rows = new double[n][columns.size()];
        boolean[] recorded = new boolean[n];
        for (int c = 0; c < columns.size(); c++) {
            double carry = Double.NaN;
            List<com.vigil.historian.Aggregate> ag = n == 0 ? List.of()
                    : historian.aggregate(columns.get(c), start, end, periodMillis);
            for (int r = 0; r < n; r++) {
                com.vigil.historian.Aggregate a = r < ag.size() ? ag.get(r) : null;
                if (a != null && a.usableCount() > 0) {
                    carry = a.last();
                } else if (a != null && a.badCount() > 0) {
                    carry = Double.NaN;
                }
                if (a != null && a.count() > 0) {
                    recorded[r] = true;
                }
                // row r is the boundary at the end of interval r: the last value before it
                rows[r][c] = carry;
            }
        }
        // periods in which nothing at all was recorded (the console was not running) are left out: carrying the
        // last values through them would make flat stretches the plant never had
        List<double[]> kept = new java.util.ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            if (recorded[r]) {
                kept.add(rows[r]);
            }
        }
        return new AssetModels.Table(columns, kept.toArray(new double[0][]));
    }

    /** The newest sample time of the plant's analog tags in the historian (its source time), or Long.MIN_VALUE. */
    public static long newestSampleTime(PlantDefinition plant, com.vigil.historian.Historian historian) {
        long newest = Long.MIN_VALUE;
        for (String tag : AssetModels.trainingColumns(plant.plant().tags())) {
            java.util.Optional<com.vigil.model.Sample> s = historian.latest(tag);
            if (s.isPresent()) {
                newest = Math.max(newest, s.get().timeMillis());
            }
        }
        return newest;
    }

    /** Trains on the last {@code hours} of the console's historian (normal operation is the user's judgement). */
    public static Map<String, EarlyWarningModel> trainOnHistorian(PlantDefinition plant,
                                                                  com.vigil.historian.Historian historian, long to,
                                                                  double hours, String detector, List<String> notes) {
        long from = to - (long) (hours * 3_600_000);
        AssetModels.Table t = historianTable(plant, historian, from, to, OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS);
        if (t.rows().length < AssetModels.MIN_ROWS) {
            throw new IllegalArgumentException("the historian holds " + t.rows().length + " rows of "
                    + OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS / 1000 + " s in the last " + hours + " h; at least "
                    + AssetModels.MIN_ROWS + " are needed (" + AssetModels.MIN_ROWS * OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS / 60_000
                    + " min of recorded operation)");
        }
        return AssetModels.train(AssetModels.assets(plant.plant().tags()), t, detector, notes);
    }

    /** Trains on a recorded file of normal operation (errors name the file, line and field). */
    public static Map<String, EarlyWarningModel> trainOnRecording(PlantDefinition plant, Path file, String detector,
                                                                  List<String> notes) throws IOException {
        AssetModels.Table t = RecordedSamples.read(file, AssetModels.trainingColumns(plant.plant().tags()),
                OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS);
        return AssetModels.train(AssetModels.assets(plant.plant().tags()), t, detector, notes);
    }
}
