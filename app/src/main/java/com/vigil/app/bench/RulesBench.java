package com.vigil.app.bench;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.model.Plant;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import com.vigil.model.TagDef;
import com.vigil.warning.online.OnlineCompositeRules;
import com.vigil.warning.rules.RuleParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The composite rules on the sample stream: samples per second through {@link OnlineCompositeRules} (every sample
 * is looked at: the newest value per tag is kept, and the rules reading it are fed) against the alarm engine on the
 * same batches, measured in the same run, one after the other, on this thread. The rules' share of the ingest
 * thread is the ratio's inverse.
 */
public final class RulesBench {
    private RulesBench() {
    }

    public static List<String> run(int tags, int batchSize, int rules, double seconds) throws Exception {
        Plant plant = IngestBench.benchPlant(tags);
        // rules like an engineer's: a limit, a slope over 5 min and a second tag, held for 30 s
        List<OnlineCompositeRules.Definition> ruleDefs = new ArrayList<>();
        int step = Math.max(1, tags / rules);
        for (int r = 0; r < rules; r++) {
            int a = (r * step) % tags;
            int b = (a + 1) % tags;
            ruleDefs.add(new OnlineCompositeRules.Definition("r" + r, RuleParser.parse("B.T" + a + " > 150 and rate(B.T"
                    + a + ", 5m) > 0.5 and B.T" + b + " < 120 for 30s")));
        }
        double[] values = new double[tags * 4];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + 20 * rnd.nextGaussian();
        }
        String[] ids = plant.tags().stream().map(TagDef::id).toArray(String[]::new);
        double rulesRate = 0, engineRate = 0;
        for (int pass = 0; pass < 2; pass++) { // warm-up, then measured
            double s = pass == 0 ? seconds / 3 : seconds;
            OnlineCompositeRules online = new OnlineCompositeRules(ruleDefs, new OnlineCompositeRules.Sink() {
                @Override
                public void raise(String ruleId, long timeMillis, double value) {
                }

                @Override
                public void clear(String ruleId, long timeMillis) {
                }
            });
            rulesRate = rate(online, ids, values, batchSize, s);
            engineRate = rate(new AlarmEngine(AlarmConfig.fromPlant(plant), Clock.systemUTC(), new InMemoryAlarmJournal()),
                    ids, values, batchSize, s);
        }
        return List.of(String.format(Locale.ROOT, "BENCH rules.eval %.0f samples/s rules=%d tags=%d batch=%d "
                + "alarm_engine=%.0f samples/s ratio_rules_to_engine=%.2f", rulesRate, rules, tags, batchSize,
                engineRate, rulesRate / engineRate));
    }

    /** Samples per second through the listener; each second of the stream carries every tag once (time goes on). */
    private static double rate(SampleBatchListener listener, String[] ids, double[] values, int batchSize, double seconds) {
        long t0 = 1_700_000_000_000L;
        int tags = ids.length;
        long samples = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int k = 0;
        while (System.nanoTime() < deadline) {
            List<Sample> batch = new ArrayList<>(batchSize);
            for (int j = 0; j < batchSize; j++, k++) {
                int tag = k % tags;
                long time = t0 + (k / tags) * 1000L;
                batch.add(new Sample(ids[tag], time, values[k % values.length], Quality.GOOD));
            }
            listener.onBatch(batch);
            samples += batchSize;
        }
        return samples / ((System.nanoTime() - start) / 1e9);
    }
}
