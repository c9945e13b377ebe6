package com.vigil.historian.bench;

import com.vigil.model.Sample;

import java.nio.file.Path;

/**
 * Options of {@link HistorianBench}.
 *
 * @param workDir        directory for the benchmark databases (deleted and recreated per run)
 * @param ingestTags     tags interleaved in time for the ingest benchmark
 * @param ingestSeconds  seconds of 1 Hz data per tag to ingest (ingestTags × ingestSeconds samples)
 * @param baselineRows   rows for the keyed one-row-per-sample baseline
 * @param demoSamples    real demo-plant samples (e.g. from the simulator), or null to generate plausible
 *                       Float32 process data
 * @param skabDir        SKAB data set directory (semicolon-separated CSVs); skipped when it does not exist
 * @param trendPens      pens of the week trend
 * @param trendColumns   pixel columns of the week trend
 * @param trendDays      days of the "week" trend (7; smaller only for smoke tests)
 * @param demoDays       days of generated demo data when no demo samples are given (1), and of the aggregate
 *                       benchmark's year ×366 (smaller only for smoke tests)
 */
public record BenchOptions(Path workDir, int ingestTags, int ingestSeconds, int baselineRows,
                           Iterable<Sample> demoSamples, Path skabDir, int trendPens, int trendColumns,
                           int trendDays, int demoDays) {

    public static BenchOptions defaults(Path workDir) {
        return new BenchOptions(workDir, 10_000, 900, 600_000, null, Path.of("/work/shared/data/skab"), 8, 2000,
                7, 1);
    }

    public BenchOptions withDemoSamples(Iterable<Sample> samples) {
        return new BenchOptions(workDir, ingestTags, ingestSeconds, baselineRows, samples, skabDir, trendPens,
                trendColumns, trendDays, demoDays);
    }

    public BenchOptions withSkabDir(Path dir) {
        return new BenchOptions(workDir, ingestTags, ingestSeconds, baselineRows, demoSamples, dir, trendPens,
                trendColumns, trendDays, demoDays);
    }

    public BenchOptions withIngest(int tags, int seconds, int baseline) {
        return new BenchOptions(workDir, tags, seconds, baseline, demoSamples, skabDir, trendPens, trendColumns,
                trendDays, demoDays);
    }

    /** Tiny sizes for a smoke test of the benchmark code (figures meaningless). */
    public BenchOptions smoke() {
        return new BenchOptions(workDir, 200, 20, 2000, demoSamples, skabDir, 2, 100, 1, 0);
    }
}
