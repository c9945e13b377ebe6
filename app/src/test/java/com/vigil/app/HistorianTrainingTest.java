package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.app.runtime.AssetModelStore;
import com.vigil.app.runtime.SimulatedPlantFeed;
import com.vigil.historian.Historian;
import com.vigil.historian.HistorianOptions;
import com.vigil.model.SampleBatchListener;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.online.AssetModels;
import com.vigil.warning.online.OnlineAssetWarnings;
import com.vigil.warning.online.PeriodRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retraining on the console's own historian: the training table read back from a real historian file has exactly
 * the rows the online {@link PeriodRows} built from the same live samples, and it trains a model for most equipment.
 */
class HistorianTrainingTest {
    static final PlantDefinition PLANT = PlantFiles.demo();

    @Test
    void historianRowsAreTheOnlineRowsAndTrainTheAssetModels(@TempDir Path dir) {
        long period = OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS;
        List<String> columns = AssetModels.trainingColumns(PLANT.plant().tags());
        TreeMap<Long, double[]> online = new TreeMap<>();
        PeriodRows pr = new PeriodRows(columns, period, (t, row) -> online.put(t, row.clone()));
        PlantDynamics dyn = new PlantDynamics(PLANT, 77);
        long start = dyn.clock().millis();
        try (Historian h = Historian.open(dir.resolve("historian.db"), HistorianOptions.defaults())) {
            SampleBatchListener rows = pr::accept;
            SimulatedPlantFeed.run(dyn, 1.5 * 3600, List.of(h, rows));
            long end = dyn.clock().millis();
            h.flush();

            AssetModels.Table table = AssetModelStore.historianTable(PLANT, h, start, end, period);
            assertEquals(columns, table.columns());
            // the historian's rows are the boundaries start+period .. end; the online rows the same (the first one
            // holds only what came before the first boundary)
            List<double[]> expected = new ArrayList<>(online.subMap(start + period, true, end, true).values());
            assertEquals(expected.size(), table.rows().length, "one row per 10 s");
            int compared = 0;
            for (int r = 0; r < expected.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    double a = expected.get(r)[c], b = table.rows()[r][c];
                    assertEquals(a, b, 1e-6 * Math.max(1, Math.abs(a)), "row " + r + " " + columns.get(c));
                    compared++;
                }
            }
            assertTrue(compared > 100_000, "compared " + compared + " values");

            List<String> notes = new ArrayList<>();
            Map<String, EarlyWarningModel> models = AssetModelStore.trainOnHistorian(PLANT, h, end, 1.5,
                    AssetModels.DEFAULT_DETECTOR, notes);
            assertTrue(models.size() >= 30, "a model for most equipment from 1.5 h of history: " + models.size() + " " + notes);

            // the console was off for 2 h, then ran 30 min more: the 2 h are left out, not filled with frozen values
            PlantDynamics later = new PlantDynamics(PLANT, 78, java.time.Instant.ofEpochMilli(end + 2 * 3_600_000L));
            SimulatedPlantFeed.run(later, 0.5 * 3600, List.of(h));
            long end2 = later.clock().millis();
            h.flush();
            assertEquals(expected.size() + 1 + 180, AssetModelStore.historianTable(PLANT, h, start, end2, period).rows().length,
                    "1.5 h (+1: the period holding the first run's last sample) + 30 min of rows, none for the 2 h gap");
            assertEquals(AssetModelStore.newestSampleTime(PLANT, h), end2, "the newest sample, in the samples' own time");

            IllegalArgumentException tooLittle = assertThrows(IllegalArgumentException.class, () ->
                    AssetModelStore.trainOnHistorian(PLANT, h, end, 0.25, AssetModels.DEFAULT_DETECTOR, new ArrayList<>()));
            assertTrue(tooLittle.getMessage().contains("at least 200 are needed (33 min of recorded operation)"),
                    tooLittle.getMessage());
        }
    }
}
