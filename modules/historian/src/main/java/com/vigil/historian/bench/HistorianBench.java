package com.vigil.historian.bench;

import com.vigil.historian.Downsampled;
import com.vigil.historian.Historian;
import com.vigil.historian.HistorianOptions;
import com.vigil.model.Sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Historian benchmarks; {@code vigil bench historian} prints the lines returned by {@link #run}.
 * Run one at a time on a quiet machine: figures are wall-clock.
 */
public final class HistorianBench {
    static final long T0 = 1_700_006_400_000L; // 2023-11-15T00:00:00Z
    /** Back-pressure bound of the ingest benchmark's producer (samples queued in the historian). */
    static final int MAX_QUEUED = 400_000;

    private HistorianBench() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"), "vigil-historian-bench");
        BenchOptions o = BenchOptions.defaults(dir);
        if (args.length > 2) {
            o = o.withIngest(Integer.parseInt(args[1]), Integer.parseInt(args[2]), o.baselineRows());
        }
        run(o).forEach(System.out::println);
    }

    public static List<String> run(BenchOptions o) {
        List<String> out = new ArrayList<>();
        try {
            Files.createDirectories(o.workDir());
            ingest(o, out);
            bytesDemo(o, out);
            bytesSkab(o, out);
            trend(o, out);
            aggregates(o, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Path fresh(BenchOptions o, String name) throws IOException {
        Path p = o.workDir().resolve(name);
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + suffix));
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------- ingest

    private static void ingest(BenchOptions o, List<String> out) throws IOException, SQLException {
        int tags = o.ingestTags();
        // warm-up (JIT) on a small separate database
        try (Historian h = Historian.open(fresh(o, "warmup.db"), HistorianOptions.defaults())) {
            DemoData g = new DemoData(1000, 99);
            for (int s = 0; s < 300; s++) {
                h.onBatch(g.step(T0 + s * 1000L));
            }
            h.compact();
        }
        Path db = fresh(o, "ingest.db");
        DemoData g = new DemoData(tags, 1);
        // values are generated before the clock starts; creating the Sample objects is part of the measurement
        float[] values = new float[tags * o.ingestSeconds()];
        for (int s = 0, k = 0; s < o.ingestSeconds(); s++) {
            for (int i = 0; i < tags; i++) {
                values[k++] = (float) g.next(i);
            }
        }
        String[] names = new String[tags];
        for (int i = 0; i < tags; i++) {
            names[i] = g.tag(i);
        }
        long samples = (long) tags * o.ingestSeconds();
        long logged;
        String timings;
        long start = System.nanoTime();
        double secs;
        try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
            for (int s = 0, k = 0; s < o.ingestSeconds(); s++) {
                long t = T0 + s * 1000L;
                List<Sample> batch = new ArrayList<>(tags);
                for (int i = 0; i < tags; i++) {
                    batch.add(Sample.good(names[i], t, values[k++]));
                }
                h.onBatch(batch);
                // like the app's bounded ingest queue: the producer waits while the writer is behind
                while (h.queuedSamples() > MAX_QUEUED) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                }
            }
            h.compact(); // everything durable, in blocks, windows merged
            secs = (System.nanoTime() - start) / 1e9;
            logged = h.stats().samples();
            timings = h.writerTimings();
        }
        double rate = samples / secs;
        if (logged != samples) {
            out.add("BENCH historian.ingest ERROR stored " + logged + " of " + samples);
        }
        double baseline = keyedBaseline(o);
        out.add(String.format(Locale.ROOT,
                "BENCH historian.ingest %.0f samples/s tags=%d baseline_keyed=%.0f ratio=%.1f"
                        + " (samples=%d in %.2f s, onBatch to flush+compact; baseline rows/s with %d rows; writer %s)",
                rate, tags, baseline, rate / baseline, samples, secs, o.baselineRows(), timings));
    }

    /** One row per sample, PRIMARY KEY(tag_id, t), batched prepared statements, WAL, same interleaving. */
    private static double keyedBaseline(BenchOptions o) throws IOException, SQLException {
        Path db = fresh(o, "baseline.db");
        int tags = o.ingestTags();
        DemoData g = new DemoData(tags, 1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("CREATE TABLE sample(tag_id INTEGER NOT NULL, t INTEGER NOT NULL, v REAL, q INTEGER, "
                        + "PRIMARY KEY(tag_id, t))");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            int rows = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sample(tag_id, t, v, q) VALUES (?,?,?,?)")) {
                for (int s = 0; rows < o.baselineRows(); s++) {
                    long t = T0 + s * 1000L;
                    for (int i = 0; i < tags && rows < o.baselineRows(); i++) {
                        ps.setInt(1, i);
                        ps.setLong(2, t);
                        ps.setDouble(3, g.next(i));
                        ps.setInt(4, 0);
                        ps.addBatch();
                        rows++;
                        if (rows % 10_000 == 0) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    // ------------------------------------------------------------------------------------------- size

    private static void bytesDemo(BenchOptions o, List<String> out) throws IOException {
        Path db = fresh(o, "demo.db");
        String source;
        try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
            if (o.demoSamples() != null) {
                List<Sample> batch = new ArrayList<>(10_000);
                for (Sample s : o.demoSamples()) {
                    batch.add(s);
                    if (batch.size() == 10_000) {
                        h.onBatch(batch);
                        batch = new ArrayList<>(10_000);
                    }
                }
                h.onBatch(batch);
                source = "simulator";
            } else {
                DemoData g = new DemoData(100, 2);
                int seconds = Math.max(600, o.demoDays() * 86_400);
                for (int s = 0; s < seconds; s++) {
                    h.onBatch(g.step(T0 + s * 1000L));
                }
                source = "generated 100 Float32 tags x " + seconds / 3600 + " h at 1 Hz";
            }
            h.compact();
            Historian.Stats st = h.stats();
            out.add(String.format(Locale.ROOT,
                    "BENCH historian.bytes_per_sample %.2f B dataset=demo (%s; samples=%d, block data %.2f B/sample,"
                            + " whole file incl. summaries and indexes %.2f B/sample, lossless)",
                    st.bytesPerSample(), source, st.samples(), st.dataBytesPerSample(), st.bytesPerSample()));
        }
    }

    private static void bytesSkab(BenchOptions o, List<String> out) throws IOException {
        Path dir = o.skabDir();
        if (dir == null || !Files.isDirectory(dir)) {
            out.add("BENCH historian.bytes_per_sample skipped dataset=skab (directory " + dir + " not found)");
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted(Comparator.naturalOrder()).toList();
        }
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Path db = fresh(o, "skab.db");
        long rows = 0;
        long csvBytes = 0;
        try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
            for (Path f : files) {
                csvBytes += Files.size(f);
                String prefix = dir.relativize(f).toString().replace(".csv", "").replace('/', '.');
                try (BufferedReader r = Files.newBufferedReader(f)) {
                    String header = r.readLine();
                    if (header == null) {
                        continue;
                    }
                    String[] cols = header.split(";");
                    String[] tags = new String[cols.length];
                    for (int i = 1; i < cols.length; i++) {
                        tags[i] = "SKAB." + prefix + "." + cols[i].trim();
                    }
                    List<Sample> batch = new ArrayList<>();
                    String line;
                    while ((line = r.readLine()) != null) {
                        String[] v = line.split(";");
                        if (v.length < 2) {
                            continue;
                        }
                        long t = LocalDateTime.parse(v[0].trim(), fmt).toInstant(ZoneOffset.UTC).toEpochMilli();
                        for (int i = 1; i < v.length && i < cols.length; i++) {
                            if (cols[i].equals("anomaly") || cols[i].equals("changepoint")) {
                                continue;
                            }
                            batch.add(Sample.good(tags[i], t, Double.parseDouble(v[i].trim())));
                        }
                        rows++;
                        if (batch.size() > 10_000) {
                            h.onBatch(batch);
                            batch = new ArrayList<>();
                        }
                    }
                    h.onBatch(batch);
                }
            }
            h.compact();
            Historian.Stats st = h.stats();
            out.add(String.format(Locale.ROOT,
                    "BENCH historian.bytes_per_sample %.2f B dataset=skab (%d files, %d rows, samples=%d, block data"
                            + " %.2f B/sample, whole file %.2f B/sample; CSV text %.2f B/sample, lossless)",
                    st.bytesPerSample(), files.size(), rows, st.samples(), st.dataBytesPerSample(),
                    st.bytesPerSample(), (double) csvBytes / Math.max(1, st.samples())));
        }
    }

    // ------------------------------------------------------------------------------------------- trend

    private static void trend(BenchOptions o, List<String> out) throws IOException {
        Path db = fresh(o, "week.db");
        int pens = o.trendPens();
        int seconds = o.trendDays() * 86_400;
        DemoData g = new DemoData(pens, 3);
        try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
            for (int s = 0; s < seconds; s++) {
                h.onBatch(g.step(T0 + s * 1000L));
            }
            h.compact();
        }
        long from = T0;
        long to = T0 + seconds * 1000L;
        try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
            long start = System.nanoTime();
            long n = trendAll(h, g, pens, from, to, o.trendColumns());
            double cold = (System.nanoTime() - start) / 1e6;
            double[] warm = new double[7];
            for (int i = 0; i < warm.length; i++) {
                start = System.nanoTime();
                trendAll(h, g, pens, from, to, o.trendColumns());
                warm[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(warm);
            out.add(String.format(Locale.ROOT, "BENCH historian.trend_week_8pens %.1f ms cold (pens=%d, columns=%d,"
                            + " samples=%d, first query after open: SQLite cache empty, decoder not yet JIT-compiled;"
                            + " OS page cache not dropped)",
                    cold, pens, o.trendColumns(), n));
            out.add(String.format(Locale.ROOT, "BENCH historian.trend_week_8pens %.1f ms warm (median of %d, min %.1f)",
                    warm[warm.length / 2], warm.length, warm[0]));
        }
    }

    /** One tag at 0.1 Hz for a year: hourly aggregates of a day vs daily aggregates of the year (rollups). */
    private static void aggregates(BenchOptions o, List<String> out) throws IOException {
        Path db = fresh(o, "year.db");
        long day = 86_400_000L;
        DemoData g = new DemoData(1, 4);
        String tag = g.tag(0);
        int perDay = 8640;
        try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
            List<Sample> batch = new ArrayList<>(perDay);
            int days = Math.max(3, o.demoDays() * 366);
            for (int d = 0; d < days; d++) {
                for (int i = 0; i < perDay; i++) {
                    batch.add(Sample.good(tag, T0 + d * day + i * 10_000L, g.next(0)));
                }
                h.onBatch(batch);
                batch = new ArrayList<>(perDay);
            }
            h.compact();
        }
        try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
            long from = T0 + day;
            double[] dayMs = new double[9];
            double[] yearMs = new double[9];
            int rows = 0;
            for (int i = 0; i < dayMs.length; i++) {
                long s0 = System.nanoTime();
                rows = h.aggregate(tag, from, from + day, 3_600_000L).size();
                dayMs[i] = (System.nanoTime() - s0) / 1e6;
                s0 = System.nanoTime();
                h.aggregate(tag, T0, T0 + (Math.max(3, o.demoDays() * 366) - 1) * day, day);
                yearMs[i] = (System.nanoTime() - s0) / 1e6;
            }
            Arrays.sort(dayMs);
            Arrays.sort(yearMs);
            out.add(String.format(Locale.ROOT, "BENCH historian.aggregate_day_hourly %.2f ms (%d intervals, 8640 samples, median of 9)",
                    dayMs[4], rows));
            out.add(String.format(Locale.ROOT, "BENCH historian.aggregate_year_daily %.2f ms (%d daily intervals over a year of 10 s data, "
                    + "from day rollups, median of 9)", yearMs[4], Math.max(3, o.demoDays() * 366) - 1));
        }
    }

    private static long trendAll(Historian h, DemoData g, int pens, long from, long to, int columns) {
        long n = 0;
        for (int p = 0; p < pens; p++) {
            Downsampled d = h.trend(g.tag(p), from, to, columns);
            n += d.totalCount();
        }
        return n;
    }
}
