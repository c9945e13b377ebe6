package com.vigil.historian;

import com.vigil.historian.bench.BenchOptions;
import com.vigil.historian.bench.HistorianBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the benchmark code with tiny sizes: checks the lines are produced, never the figures. */
class HistorianBenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void benchPrintsEveryLine() {
        List<String> lines = HistorianBench.run(BenchOptions.defaults(dir).withSkabDir(dir.resolve("no-skab")).smoke());
        String all = String.join("\n", lines);
        assertTrue(all.contains("BENCH historian.ingest "), all);
        assertTrue(all.contains(" samples/s tags=200 baseline_keyed="), all);
        assertTrue(all.contains(" ratio="), all);
        assertTrue(all.contains("BENCH historian.bytes_per_sample ") && all.contains(" B dataset=demo"), all);
        assertTrue(all.contains("dataset=skab") && all.contains("not found"), all);
        assertTrue(all.contains("BENCH historian.trend_week_8pens ") && all.contains(" ms cold"), all);
        assertTrue(all.contains(" ms warm"), all);
        assertTrue(!all.contains("ERROR"), all);
    }
}
