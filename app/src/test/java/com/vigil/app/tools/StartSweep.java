package com.vigil.app.tools;

import com.vigil.app.runtime.AssetModelStore;
import com.vigil.app.runtime.SimulatedPlantFeed;
import com.vigil.model.SampleBatchListener;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.warning.detect.Monitor;
import com.vigil.warning.online.PeriodRows;
import java.time.Instant;
import java.util.*;

/**
 * Console starts at many times of day, as the console runs them: asset models trained like the console's (3 simulated
 * days, seeds 1042-1044), the demo plant with the console's seed 42 stepped like the server (default 0.25 s) and
 * started at each instant, 1 h each. Prints per start the highest statistic of any asset model relative to its raise
 * level in minutes 5-20 and 20-60 after the start, and the warnings raised after the 5-min settling.
 *
 * <p>{@code java -cp ... com.vigil.app.tools.StartSweep [STEP_SECONDS [START ...]]}; without starts, 13 starts over
 * 2026-11-24 (00:34:30Z every 2 h, plus 05:34:30Z).
 */
public final class StartSweep {
    private StartSweep() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args.length > 0 ? args[0] : "0.25"));
        if (args.length > 1) {
            a.addAll(List.of(args).subList(1, args.length));
        } else {
            for (String h : List.of("00", "02", "04", "05", "06", "08", "10", "12", "14", "16", "18", "20", "22")) {
                a.add("2026-11-24T" + h + ":34:30Z");
            }
        }
        var plant = PlantFiles.demo();
        var models = AssetModelStore.trainOnSimulatedDays(plant, 1042, 3, 24,
                com.vigil.warning.online.AssetModels.DEFAULT_DETECTOR, new ArrayList<>());
        double step = Double.parseDouble(a.get(0));
        double worstEarly = 0, worstLater = 0;
        int totalRaises = 0;
        String worstEarlyWhat = "";
        Set<String> all = new LinkedHashSet<>();
        models.values().forEach(m -> all.addAll(m.columns()));
        List<String> cols = List.copyOf(all);
        List<String> names = new ArrayList<>(models.keySet());
        List<int[]> sub = new ArrayList<>();
        for (String n : names) {
            sub.add(models.get(n).columns().stream().mapToInt(cols::indexOf).toArray());
        }
        for (int k = 1; k < a.size(); k++) {
            Instant start = Instant.parse(a.get(k));
            List<Monitor> mons = new ArrayList<>();
            for (String n : names) {
                mons.add(models.get(n).monitor());
            }
            double[] early = new double[names.size()], later = new double[names.size()];
            int[] row = {0};
            int[] raises = {0};
            List<String> raisedWhat = new ArrayList<>();
            PeriodRows pr = new PeriodRows(cols, 10_000, (t, r) -> {
                row[0]++;
                for (int m = 0; m < names.size(); m++) {
                    int[] s = sub.get(m);
                    double[] x = new double[s.length];
                    for (int j = 0; j < s.length; j++) x[j] = r[s[j]];
                    var ev = mons.get(m).push(t, x);
                    double ratio = ev.smoothed() / ev.limit();
                    if (row[0] > 30 && row[0] <= 120) early[m] = Math.max(early[m], ratio);
                    if (row[0] > 120) later[m] = Math.max(later[m], ratio);
                    if (row[0] > 30 && ev.raised()) { raises[0]++; raisedWhat.add(names.get(m) + "@" + (row[0] / 6) + "min"); }
                }
            });
            // fed as training and the evaluation are (published values, bad and stale samples), in the server's steps
            SampleBatchListener feed = pr::accept;
            SimulatedPlantFeed.run(new PlantDynamics(plant, 42, start), 3600, step, List.of(feed));
            int e = 0, l = 0;
            for (int m = 0; m < names.size(); m++) {
                if (early[m] > early[e]) e = m;
                if (later[m] > later[l]) l = m;
            }
            System.out.printf(Locale.ROOT, "start %s: peak 5-20 min %.2f (%s), 20-60 min %.2f (%s); raised %d %s%n", start, early[e],
                    names.get(e), later[l], names.get(l), raises[0], raisedWhat);
            totalRaises += raises[0];
            if (early[e] > worstEarly) { worstEarly = early[e]; worstEarlyWhat = names.get(e) + " @" + start; }
            worstLater = Math.max(worstLater, later[l]);
        }
        System.out.printf(Locale.ROOT, "WORST 5-20 min %.2f (%s); 20-60 min %.2f; RAISES %d%n", worstEarly, worstEarlyWhat, worstLater, totalRaises);
    }
}
