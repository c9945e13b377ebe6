package com.vigil.historian;

import com.vigil.historian.codec.BlockCodec;
import com.vigil.historian.codec.LogCodec;
import com.vigil.historian.codec.SampleColumns;
import com.vigil.historian.codec.Summary;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/**
 * Compressed, crash-safe time-series store for samples in one SQLite file.
 *
 * <p>Write path: {@link #onBatch} only appends to an in-memory queue. A single background writer thread
 * moves queued samples into the in-memory per-tag buffers and commits them as one write-ahead-log row per
 * group at least every {@link HistorianOptions#commitIntervalMillis()}; it compacts the buffers into
 * per-tag compressed blocks (see {@link BlockCodec}) every {@link HistorianOptions#flushIntervalMillis()} or
 * when {@link HistorianOptions#maxBufferedSamples()} are buffered, deleting the log rows in the same
 * transaction; later it merges the blocks of a window and maintains the coarse rollup level.
 * On open, an unfinished log is replayed.
 *
 * <p>Out-of-order and duplicate timestamps: the store keeps at most one sample per (tag, timestamp); the
 * sample that arrived last wins. Samples may arrive in any order: they are sorted when a buffer is
 * compacted; a sample older than already written blocks becomes a small "late" block in its window, and
 * queries merge overlapping blocks by arrival (block id) until the background merge rewrites the window
 * as one sorted block.
 *
 * <p>Thread safety: all methods may be called from any thread. Queries see everything accepted by
 * {@link #onBatch} before they started.
 */
public final class Historian implements SampleBatchListener, AutoCloseable {

    /** Wakes the writer early when this many samples are queued. */
    private static final int EAGER_DRAIN_SAMPLES = 50_000;
    private static final int BACKLOG_WARN_SAMPLES = 10_000_000;
    private static final long MERGE_EVERY_MS = 1000;
    private static final long MERGE_BUDGET_NANOS = 100_000_000L;
    /** A flush is written in transactions of about this length, with log commits in between. */
    private static final long FLUSH_STEP_NANOS = 150_000_000L;
    private static final System.Logger LOG = System.getLogger(Historian.class.getName());
    private static final DateTimeFormatter CSV_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private final HistorianOptions opt;
    private final long span;
    private final long rollupSpan;
    private final Connection wconn;
    private final Connection rconn;

    // ---- ingest queue (guarded by queueLock)
    private final Object queueLock = new Object();
    private ArrayList<List<Sample>> pending = new ArrayList<>();
    private int pendingSamples;
    private final ArrayDeque<Runnable> commands = new ArrayDeque<>();
    private boolean closing;
    private boolean backlogWarned;
    private volatile boolean crashed;
    /** While replaying, flushes may only delete log rows below this sequence. */
    private long replayLimit = Long.MAX_VALUE;

    // ---- memtable (guarded by memLock; mutated only by the writer thread)
    private final ReentrantReadWriteLock memLock = new ReentrantReadWriteLock();
    private MemTable mem = new MemTable();
    /** The memtable being written as blocks, in steps (queries read it too); null when no flush is running. */
    private MemTable flushing;
    /** The last flushed memtable, kept to be reused (its arrays are already grown). */
    private MemTable spare;
    private int[] flushStart;
    private int[] flushPerm;
    private int flushNextTag;
    private int flushTagCount;
    private long flushSeqLimit;
    private int flushUnlogged;
    private final SampleColumns flushCols = new SampleColumns(4096);
    /** Tag names by id (writer adds under memLock write; readers under memLock read). */
    private final ArrayList<String> tagNames = new ArrayList<>();
    private final ArrayList<HistorianOptions.LossyRule> lossyById = new ArrayList<>();
    /** Tags of the previous batch by position: subscriptions repeat their order, saving hash lookups. */
    private String[] prevTags = new String[0];
    private int[] prevIds = new int[0];

    // ---- writer-thread state
    private final ConcurrentHashMap<String, Integer> tagIds = new ConcurrentHashMap<>();
    private final ArrayList<Integer> unsavedTags = new ArrayList<>();
    private int nextTagId;
    private long nextSeq;
    private final ArrayList<byte[]> unlogged = new ArrayList<>();
    private final LogCodec logCodec = new LogCodec();
    private final BlockCodec codec = new BlockCodec();
    private volatile long maxTimeSeen = Long.MIN_VALUE;
    /** Greatest timestamp written to blocks (persisted as meta max_time); rollups exist only for spans before it. */
    private long durableMaxTime = Long.MIN_VALUE;
    /** (tag, window) / (tag, rollup span) already marked dirty in the database, to skip re-marking every flush. */
    private final java.util.HashSet<Long> markedWins = new java.util.HashSet<>();
    private final java.util.HashSet<Long> markedRollups = new java.util.HashSet<>();
    private final Thread writer;
    private volatile HistorianException failure;
    private volatile long acceptedSamples;
    private volatile long loggedSamples;
    /** Writer time per phase in ns: apply+encode log, log commit, block encode, block SQL, merge, rollups. */
    private final long[] phaseNanos = new long[6];

    private Historian(Path path, HistorianOptions opt) throws SQLException {
        this.path = path;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new HistorianException("cannot create directory " + parent + ": " + e.getMessage(), e);
            }
        }
        String url = "jdbc:sqlite:" + path.toAbsolutePath();
        wconn = DriverManager.getConnection(url);
        Connection r = null;
        try {
            try (Statement st = wconn.createStatement()) {
                st.execute("PRAGMA busy_timeout=5000");
                // new files only: 2 KiB pages waste less space around ~5 KB block blobs than 4 KiB ones
                // (measured 1.48 vs 1.72 B/sample on the demo data)
                st.execute("PRAGMA page_size=2048");
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA wal_autocheckpoint=8192");
                st.execute("PRAGMA synchronous=" + (opt.synchronousFull() ? "FULL" : "NORMAL"));
            }
            Schema.migrate(wconn, path.toString());
            wconn.setAutoCommit(false);
            long[] spans = loadOrStoreSpans(opt);
            this.span = spans[0];
            this.rollupSpan = spans[1];
            this.opt = opt.blockSpanMillis() == span && opt.rollupSpanMillis() == rollupSpan ? opt
                    : opt.withBlocks(span, opt.maxBlockSamples(), rollupSpan);
            r = DriverManager.getConnection(url);
            try (Statement st = r.createStatement()) {
                st.execute("PRAGMA busy_timeout=5000");
                st.execute("PRAGMA cache_size=-32768"); // 32 MiB: a week of several pens stays cached
            }
            r.setAutoCommit(false);
            this.rconn = r;
            loadTags();
            try (Statement st = wconn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM log")) {
                nextSeq = rs.getLong(1) + 1;
            }
            String mt = meta("max_time");
            if (mt != null) {
                maxTimeSeen = Long.parseLong(mt);
                durableMaxTime = maxTimeSeen;
            }
            wconn.commit();
            replayLog();
        } catch (SQLException | RuntimeException e) {
            try {
                wconn.close();
            } catch (SQLException ignored) {
                // already failing
            }
            if (r != null) {
                try {
                    r.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            throw e;
        }
        writer = new Thread(this::writerLoop, "historian-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens (creating if needed) the historian database. Replays a write-ahead log left by an unclean stop.
     *
     * @throws SchemaVersionException if the file was written by a newer Vigil
     * @throws HistorianException     if the file cannot be opened
     */
    public static Historian open(Path dbFile, HistorianOptions options) {
        try {
            return new Historian(dbFile, options);
        } catch (SQLException e) {
            throw translate("open " + dbFile, e);
        }
    }

    // =====================================================================================================
    // ingest

    /**
     * Appends a batch to the in-memory queue; never blocks on I/O. The list is copied.
     *
     * @throws NullPointerException  if the batch contains null
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public void onBatch(List<Sample> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Sample> copy = List.copyOf(batch);
        synchronized (queueLock) {
            if (closing) {
                throw new IllegalStateException("historian is closed");
            }
            pending.add(copy);
            pendingSamples += copy.size();
            acceptedSamples += copy.size();
            if (pendingSamples > BACKLOG_WARN_SAMPLES && !backlogWarned) {
                backlogWarned = true;
                LOG.log(System.Logger.Level.WARNING, "historian backlog: " + pendingSamples
                        + " samples queued, the writer does not keep up (nothing is dropped; memory grows)");
            }
            if (pendingSamples >= EAGER_DRAIN_SAMPLES) {
                queueLock.notifyAll();
            }
        }
    }

    /**
     * Makes everything accepted so far durable and compacted into blocks (log committed, buffers written as
     * blocks). Blocks until done.
     *
     * @throws StorageFullException when the disk is full (nothing committed is lost; retry later)
     */
    public void flush() {
        submit(() -> {
            drainAndLog();
            flushMemtable();
        });
    }

    /** Commits the write-ahead log now (durable against a crash) without compacting. */
    public void commitLog() {
        submit(this::drainAndLog);
    }

    /**
     * Flushes, then merges every window that has more than one block and recomputes stale rollups, whether
     * their window is closed or not. The writer also does this in the background for closed windows.
     */
    public void compact() {
        submit(() -> {
            drainAndLog();
            flushMemtable();
            mergeDirty(Long.MAX_VALUE, Long.MAX_VALUE);
        });
    }

    /** The last write failure of the background writer, if it has not recovered yet. */
    public Optional<HistorianException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Cumulative writer-thread time per phase, for benchmarks: apply+log-encode, log commit, block encode,
     * block SQL, merge, rollups (ms).
     */
    public String writerTimings() {
        String[] names = {"apply", "logCommit", "encode", "blockSql", "merge", "rollup"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : " ").append(names[i]).append('=').append(phaseNanos[i] / 1_000_000).append("ms");
        }
        return sb.toString();
    }

    /** Samples waiting in the queue for the writer thread (back-pressure metric). */
    public int queuedSamples() {
        synchronized (queueLock) {
            return pendingSamples;
        }
    }

    /** Samples accepted by {@link #onBatch} and not yet committed to the log. */
    public long unloggedSamples() {
        return acceptedSamples - loggedSamples;
    }

    private void submit(Runnable r) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (queueLock) {
            if (closing || !writer.isAlive()) {
                throw new IllegalStateException("historian is closed");
            }
            commands.add(() -> {
                try {
                    r.run();
                    f.complete(null);
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
            queueLock.notifyAll();
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistorianException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new HistorianException(String.valueOf(c), c);
        }
    }

    private void writerLoop() {
        long lastCommit = System.nanoTime();
        long lastFlush = lastCommit;
        long lastMerge = lastCommit;
        long commitNanos = TimeUnit.MILLISECONDS.toNanos(opt.commitIntervalMillis());
        while (true) {
            ArrayList<Runnable> cmds = new ArrayList<>();
            boolean stop;
            synchronized (queueLock) {
                while (commands.isEmpty() && !closing && pendingSamples < EAGER_DRAIN_SAMPLES) {
                    long now = System.nanoTime();
                    long waitNanos = pendingSamples > 0 || !unlogged.isEmpty()
                            ? lastCommit + commitNanos - now : 250_000_000L;
                    if (waitNanos <= 0) {
                        break;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(queueLock, waitNanos);
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                    if (pendingSamples == 0 && commands.isEmpty() && unlogged.isEmpty()) {
                        break; // idle tick: timers below
                    }
                }
                cmds.addAll(commands);
                commands.clear();
                stop = closing;
            }
            if (crashed) {
                return;
            }
            long now = System.nanoTime();
            try {
                drainAndLog();
                lastCommit = now;
                if (flushing == null && (mem.n >= opt.maxBufferedSamples()
                        || (mem.n > 0 && now - lastFlush >= TimeUnit.MILLISECONDS.toNanos(opt.flushIntervalMillis())))) {
                    startFlush();
                    lastFlush = now;
                }
                if (flushing != null) {
                    flushStep(FLUSH_STEP_NANOS);
                }
                failure = null;
            } catch (HistorianException e) {
                recordFailure(e);
            } catch (RuntimeException e) {
                recordFailure(new HistorianException("historian writer failed: " + e, e));
            }
            for (Runnable c : cmds) {
                c.run();
            }
            if (stop) {
                break;
            }
            if (now - lastMerge >= TimeUnit.MILLISECONDS.toNanos(MERGE_EVERY_MS)) {
                lastMerge = now;
                try {
                    long horizon = maxTimeSeen == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimeSeen - span;
                    mergeDirty(horizon, MERGE_BUDGET_NANOS);
                } catch (HistorianException e) {
                    recordFailure(e);
                } catch (RuntimeException e) {
                    recordFailure(new HistorianException("historian merge failed: " + e, e));
                }
            }
        }
    }

    private void recordFailure(HistorianException e) {
        if (failure == null || !failure.getMessage().equals(e.getMessage())) {
            LOG.log(System.Logger.Level.ERROR, "historian write failed (will retry): " + e.getMessage(), e);
        }
        failure = e;
        try {
            Thread.sleep(200);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writer thread: moves queued samples to the memtable and commits them as one log row. */
    private void drainAndLog() {
        ArrayList<List<Sample>> batches = null;
        long p0 = System.nanoTime();
        memLock.writeLock().lock();
        try {
            synchronized (queueLock) {
                if (!pending.isEmpty()) {
                    batches = pending;
                    pending = new ArrayList<>();
                    pendingSamples = 0;
                    backlogWarned = false;
                }
            }
            if (batches != null) {
                logCodec.reset();
                long maxT = maxTimeSeen;
                for (List<Sample> batch : batches) {
                    int size = batch.size();
                    if (prevTags.length < size) {
                        prevTags = Arrays.copyOf(prevTags, size);
                        prevIds = Arrays.copyOf(prevIds, size);
                    }
                    mem.reserve(size);
                    for (int i = 0; i < size; i++) {
                        Sample s = batch.get(i);
                        String tag = s.tag();
                        int id;
                        if (tag == prevTags[i]) {
                            id = prevIds[i];
                        } else {
                            Integer known = tagIds.get(tag);
                            id = known != null ? known : newTag(tag);
                            prevTags[i] = tag;
                            prevIds[i] = id;
                        }
                        long t = s.timeMillis();
                        double v = s.value();
                        byte q = (byte) s.quality().ordinal();
                        mem.add(id, t, v, q);
                        logCodec.add(id, t, v, q);
                        if (t > maxT) {
                            maxT = t;
                        }
                    }
                }
                maxTimeSeen = maxT;
                unlogged.add(logCodec.toByteArray());
            }
        } finally {
            memLock.writeLock().unlock();
        }
        long p1 = System.nanoTime();
        phaseNanos[0] += p1 - p0;
        if (unlogged.isEmpty()) {
            return;
        }
        long seq = nextSeq;
        long n = 0;
        try {
            saveTags();
            try (PreparedStatement ps = wconn.prepareStatement("INSERT INTO log(seq, created, n, data) VALUES (?,?,?,?)")) {
                long created = System.currentTimeMillis();
                for (byte[] rec : unlogged) {
                    int c = LogCodec.decodeCount(rec);
                    ps.setLong(1, seq++);
                    ps.setLong(2, created);
                    ps.setInt(3, c);
                    ps.setBytes(4, rec);
                    ps.addBatch();
                    n += c;
                }
                ps.executeBatch();
            }
            wconn.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw translate("commit log", e);
        }
        nextSeq = seq;
        unlogged.clear();
        markSaved();
        loggedSamples += n;
        phaseNanos[1] += System.nanoTime() - p1;
    }

    /** Registers a tag in memory (writer thread, memLock held); persisted with the next transaction. */
    private int newTag(String tag) {
        Integer id = tagIds.get(tag);
        boolean fresh = id == null;
        if (fresh) {
            id = nextTagId++;
        }
        HistorianOptions.LossyRule rule = null;
        for (HistorianOptions.LossyRule r : opt.lossy()) {
            if (r.matches(tag)) {
                rule = r;
                break;
            }
        }
        while (tagNames.size() <= id) {
            tagNames.add(null);
            lossyById.add(null);
        }
        tagNames.set(id, tag);
        lossyById.set(id, rule);
        mem.ensureTag(id);
        if (fresh) {
            unsavedTags.add(id);
            tagIds.put(tag, id);
        }
        return id;
    }

    private final ArrayList<Integer> savingTags = new ArrayList<>();

    private void saveTags() throws SQLException {
        if (unsavedTags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = wconn.prepareStatement("INSERT OR IGNORE INTO tag(id, name) VALUES (?,?)")) {
            for (int id : unsavedTags) {
                ps.setInt(1, id);
                ps.setString(2, tagNames.get(id));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        savingTags.clear();
        savingTags.addAll(unsavedTags);
    }

    private void markSaved() {
        // saveTags and markSaved run on the writer thread with no new tag in between: the saved ones are a prefix
        unsavedTags.subList(0, Math.min(savingTags.size(), unsavedTags.size())).clear();
        savingTags.clear();
    }

    // =====================================================================================================
    // compaction

    /**
     * Writer thread: writes everything in memory as blocks and deletes the log rows it came from (blocking).
     */
    private void flushMemtable() {
        // steps of bounded length with log commits in between: the ≤ 1 s loss bound holds during a flush too
        while (flushing != null) {
            flushStep(FLUSH_STEP_NANOS);
            drainAndLog();
        }
        if (startFlush()) {
            while (flushing != null) {
                flushStep(FLUSH_STEP_NANOS);
                drainAndLog();
            }
        }
    }

    /** Swaps the memtable out for writing; false if it is empty. */
    private boolean startFlush() {
        memLock.writeLock().lock();
        try {
            if (mem.n == 0 || flushing != null) {
                return false;
            }
            flushing = mem;
            mem = spare != null ? spare.continueFrom(flushing) : new MemTable(flushing);
            spare = null;
            flushTagCount = tagNames.size();
            int[][] g = flushing.group(flushTagCount);
            flushStart = g[0];
            flushPerm = g[1];
            flushNextTag = 0;
            flushSeqLimit = Math.min(nextSeq, replayLimit);
            flushUnlogged = unlogged.size();
            return true;
        } finally {
            memLock.writeLock().unlock();
        }
    }

    /**
     * Writes the next tags of the flushing memtable as blocks in one transaction, for about budgetNanos. The
     * last step also deletes the log rows. A crash between steps replays the log over blocks that are already
     * written: the duplicates are identical and last-write-wins removes them.
     */
    private void flushStep(long budgetNanos) {
        long f0 = System.nanoTime();
        long e0 = phaseNanos[2];
        long deadline = budgetNanos == Long.MAX_VALUE ? Long.MAX_VALUE : f0 + budgetNanos;
        int k = flushNextTag;
        try {
            saveTags();
            try (BlockWriter bw = new BlockWriter()) {
                while (k < flushTagCount && (System.nanoTime() < deadline || k == flushNextTag)) {
                    if (flushStart[k + 1] > flushStart[k]) {
                        SampleColumns cols = flushing.gather(k, flushStart, flushPerm, flushCols);
                        cols.sortAndDedupe();
                        HistorianOptions.LossyRule rule = lossyById.get(k);
                        SampleColumns src = rule == null ? cols : Lossy.swingingDoor(cols, rule.deviation());
                        bw.writeChunked(k, src, 0, src.n, true);
                    }
                    k++;
                }
                bw.execute();
            }
            boolean done = k >= flushTagCount;
            if (done) {
                try (PreparedStatement ps = wconn.prepareStatement("DELETE FROM log WHERE seq < ?")) {
                    ps.setLong(1, flushSeqLimit);
                    ps.executeUpdate();
                }
                putMeta("max_time", Long.toString(Math.max(durableMaxTime, flushing.maxT)));
            }
            wconn.commit();
            markSaved();
            flushNextTag = k;
            if (done) {
                durableMaxTime = Math.max(durableMaxTime, flushing.maxT);
            }
            if (done) {
                memLock.writeLock().lock();
                try {
                    spare = flushing;
                    flushing = null;
                    flushStart = null;
                    flushPerm = null;
                } finally {
                    memLock.writeLock().unlock();
                }
                // records that could not be logged but whose samples are now in blocks
                unlogged.subList(0, Math.min(flushUnlogged, unlogged.size())).clear();
                loggedSamples = acceptedSamples - pendingSamplesSnapshot() - unloggedCount();
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw translate("write blocks", e);
        } finally {
            phaseNanos[3] += System.nanoTime() - f0 - (phaseNanos[2] - e0);
        }
    }

    private long unloggedCount() {
        long n = 0;
        for (byte[] r : unlogged) {
            n += LogCodec.decodeCount(r);
        }
        return n;
    }

    private int pendingSamplesSnapshot() {
        synchronized (queueLock) {
            return pendingSamples;
        }
    }

    /** Batched block inserts with summaries; marks windows and rollups dirty. */
    private final class BlockWriter implements AutoCloseable {
        final PreparedStatement ins;
        final PreparedStatement dirtyWin;
        final PreparedStatement delRollup;
        final PreparedStatement dirtyRollup;
        int batched;

        BlockWriter() throws SQLException {
            ins = wconn.prepareStatement("INSERT INTO block(tag_id, win, " + Schema.SUMMARY_COLS
                    + ", codec, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            dirtyWin = wconn.prepareStatement("INSERT OR IGNORE INTO dirty_win(tag_id, win) VALUES (?,?)");
            delRollup = wconn.prepareStatement("DELETE FROM rollup WHERE tag_id=? AND t0=?");
            dirtyRollup = wconn.prepareStatement("INSERT OR IGNORE INTO dirty_rollup(tag_id, t0) VALUES (?,?)");
        }

        /** Writes sorted samples [from, to) as blocks that never cross a window and hold ≤ maxBlockSamples. */
        void writeChunked(int tagId, SampleColumns c, int from, int to, boolean markDirty) throws SQLException {
            int i = from;
            long lastRollup = Long.MIN_VALUE;
            while (i < to) {
                long win = Math.floorDiv(c.t[i], span) * span;
                int limit = Math.min(to, i + opt.maxBlockSamples());
                int j = i + 1;
                while (j < limit && c.t[j] < win + span) {
                    j++;
                }
                insert(tagId, win, c, i, j);
                if (markDirty && markedWins.add(key(tagId, win / span))) {
                    dirtyWin.setInt(1, tagId);
                    dirtyWin.setLong(2, win);
                    dirtyWin.addBatch();
                }
                long r0 = Math.floorDiv(win, rollupSpan) * rollupSpan;
                if (r0 != lastRollup) {
                    lastRollup = r0;
                    if (r0 + rollupSpan <= durableMaxTime) {
                        // a rollup can only exist for a span that was complete: invalidate it
                        delRollup.setInt(1, tagId);
                        delRollup.setLong(2, r0);
                        delRollup.addBatch();
                    }
                    if (markedRollups.add(key(tagId, r0 / rollupSpan))) {
                        dirtyRollup.setInt(1, tagId);
                        dirtyRollup.setLong(2, r0);
                        dirtyRollup.addBatch();
                    }
                }
                i = j;
            }
        }

        void insert(int tagId, long win, SampleColumns c, int from, int to) throws SQLException {
            long p0 = System.nanoTime();
            byte[] data = codec.encode(c, from, to);
            Summary s = Summary.of(c, from, to);
            phaseNanos[2] += System.nanoTime() - p0;
            insertEncoded(tagId, win, s, codec.lastCodec(), data);
        }

        void insertEncoded(int tagId, long win, Summary s, int codecId, byte[] data) throws SQLException {
            ins.setInt(1, tagId);
            ins.setLong(2, win);
            bindSummary(ins, 3, s);
            ins.setInt(21, codecId);
            ins.setBytes(22, data);
            ins.addBatch();
            if (++batched >= 512) {
                execute();
            }
        }

        void execute() throws SQLException {
            ins.executeBatch();
            dirtyWin.executeBatch();
            delRollup.executeBatch();
            dirtyRollup.executeBatch();
            batched = 0;
        }

        @Override
        public void close() throws SQLException {
            ins.close();
            dirtyWin.close();
            delRollup.close();
            dirtyRollup.close();
        }
    }

    private static long key(int tagId, long slot) {
        return (slot << 24) ^ tagId;
    }

    static void bindSummary(PreparedStatement ps, int p, Summary s) throws SQLException {
        ps.setLong(p, s.count);
        ps.setLong(p + 1, s.usable);
        ps.setLong(p + 2, s.bad);
        setReal(ps, p + 3, s.min);
        ps.setLong(p + 4, s.tMin);
        setReal(ps, p + 5, s.max);
        ps.setLong(p + 6, s.tMax);
        setReal(ps, p + 7, s.sum);
        ps.setLong(p + 8, s.firstT);
        ps.setLong(p + 9, s.lastT);
        ps.setLong(p + 10, Double.doubleToRawLongBits(s.lastV));
        ps.setInt(p + 11, s.lastQ);
        ps.setLong(p + 12, s.firstUsableT);
        setReal(ps, p + 13, s.firstUsableV);
        ps.setLong(p + 14, s.lastUsableT);
        setReal(ps, p + 15, s.lastUsableV);
        setReal(ps, p + 16, s.twSum);
        ps.setLong(p + 17, s.twDur);
    }

    private static void setReal(PreparedStatement ps, int p, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(p, java.sql.Types.REAL);
        } else {
            ps.setDouble(p, v);
        }
    }

    private static double getReal(ResultSet rs, int p) throws SQLException {
        double v = rs.getDouble(p);
        return rs.wasNull() ? Double.NaN : v;
    }

    static Summary readSummary(ResultSet rs, int p) throws SQLException {
        Summary s = new Summary();
        s.count = rs.getLong(p);
        s.usable = rs.getLong(p + 1);
        s.bad = rs.getLong(p + 2);
        s.min = getReal(rs, p + 3);
        s.tMin = rs.getLong(p + 4);
        s.max = getReal(rs, p + 5);
        s.tMax = rs.getLong(p + 6);
        s.sum = getReal(rs, p + 7);
        s.firstT = rs.getLong(p + 8);
        s.lastT = rs.getLong(p + 9);
        s.lastV = Double.longBitsToDouble(rs.getLong(p + 10));
        s.lastQ = (byte) rs.getInt(p + 11);
        s.firstUsableT = rs.getLong(p + 12);
        s.firstUsableV = getReal(rs, p + 13);
        s.lastUsableT = rs.getLong(p + 14);
        s.lastUsableV = getReal(rs, p + 15);
        s.twSum = getReal(rs, p + 16);
        s.twDur = rs.getLong(p + 17);
        return s;
    }

    /**
     * Writer thread: merges windows with more than one block whose window starts at or before horizon, then
     * recomputes stale rollups that are complete, within the time budget.
     */
    private void mergeDirty(long horizon, long budgetNanos) {
        if (horizon == Long.MIN_VALUE) {
            return;
        }
        long deadline = budgetNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + budgetNanos;
        long m0 = System.nanoTime();
        long e0 = phaseNanos[2];
        try {
            while (System.nanoTime() < deadline) {
                drainAndLog(); // keep committing the log during long merges
                // one window start at a time, all its dirty tags in slices of up to 1000 tags
                long win;
                int tagFrom;
                int tagTo;
                try (PreparedStatement ps = wconn.prepareStatement(
                        "SELECT win, min(tag_id) FROM dirty_win WHERE win = (SELECT min(win) FROM dirty_win WHERE win <= ?)")) {
                    ps.setLong(1, horizon);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.getLong(1);
                        if (rs.wasNull()) {
                            break;
                        }
                        win = rs.getLong(1);
                        tagFrom = rs.getInt(2);
                    }
                }
                try (PreparedStatement ps = wconn.prepareStatement(
                        "SELECT max(tag_id) FROM (SELECT tag_id FROM dirty_win WHERE win=? AND tag_id>=? ORDER BY tag_id LIMIT 1000)")) {
                    ps.setLong(1, win);
                    ps.setInt(2, tagFrom);
                    try (ResultSet rs = ps.executeQuery()) {
                        tagTo = rs.getInt(1);
                    }
                }
                List<BlockRow> rows = new ArrayList<>();
                List<Integer> rowTags = new ArrayList<>();
                try (PreparedStatement sel = wconn.prepareStatement("SELECT b.tag_id, b.id, " + Schema.SUMMARY_COLS
                        + ", b.data FROM dirty_win d JOIN block b ON b.tag_id=d.tag_id AND b.win=d.win"
                        + " WHERE d.win=? AND d.tag_id BETWEEN ? AND ? ORDER BY b.tag_id, b.id")) {
                    sel.setLong(1, win);
                    sel.setInt(2, tagFrom);
                    sel.setInt(3, tagTo);
                    try (ResultSet rs = sel.executeQuery()) {
                        while (rs.next()) {
                            rowTags.add(rs.getInt(1));
                            rows.add(new BlockRow(rs.getLong(2), win, readSummary(rs, 3), rs.getBytes(21)));
                        }
                    }
                }
                memLock.writeLock().lock();
                try (BlockWriter bw = new BlockWriter();
                     PreparedStatement del = wconn.prepareStatement("DELETE FROM block WHERE tag_id=? AND win=?");
                     PreparedStatement clean = wconn.prepareStatement(
                             "DELETE FROM dirty_win WHERE win=? AND tag_id BETWEEN ? AND ?")) {
                    SampleColumns cols = new SampleColumns(8192);
                    for (int pass = 0; pass < 2; pass++) { // deletes first, then inserts
                        int i = 0;
                        while (i < rows.size()) {
                            int tag = rowTags.get(i);
                            int j = i;
                            while (j < rows.size() && rowTags.get(j) == tag) {
                                j++;
                            }
                            if (j - i > 1 && pass == 0) {
                                del.setInt(1, tag);
                                del.setLong(2, win);
                                del.addBatch();
                            } else if (j - i > 1) {
                                mergeWindow(tag, win, rows.subList(i, j), cols, bw);
                            }
                            i = j;
                        }
                        if (pass == 0) {
                            del.executeBatch();
                        }
                    }
                    bw.execute();
                    clean.setLong(1, win);
                    clean.setInt(2, tagFrom);
                    clean.setInt(3, tagTo);
                    clean.executeUpdate();
                    wconn.commit();
                    markedWins.clear();
                } finally {
                    memLock.writeLock().unlock();
                }
            }
            long r0 = System.nanoTime();
            phaseNanos[4] += r0 - m0 - (phaseNanos[2] - e0);
            // rollups only for spans that are complete: a rollup is computed once per span and tag
            long maxT = durableMaxTime;
            recomputeRollups(Math.min(horizon == Long.MAX_VALUE ? Long.MAX_VALUE : horizon + span, maxT) - rollupSpan,
                    deadline);
            phaseNanos[5] += System.nanoTime() - r0;
        } catch (SQLException e) {
            rollbackQuietly();
            throw translate("merge blocks", e);
        }
    }

    /** Chunks smaller than this on average are re-encoded when merged (better compression); larger ones are concatenated. */
    private static final int MIN_AVG_CHUNK = 64;

    /**
     * Rewrites the blocks of one window (already deleted) as few blocks: by concatenating their chunks and
     * combining their summaries when they do not overlap in time and are not tiny, else by decoding, applying
     * last-write-wins by arrival (block id order) and re-encoding.
     */
    private void mergeWindow(int tagId, long win, List<BlockRow> rows, SampleColumns cols, BlockWriter bw)
            throws SQLException {
        long total = 0;
        int chunks = 0;
        for (BlockRow r : rows) {
            total += r.summary().count;
            chunks += BlockCodec.chunks(r.data());
        }
        List<BlockRow> byTime = new ArrayList<>(rows);
        byTime.sort((a, b) -> Long.compare(a.summary().firstT, b.summary().firstT));
        boolean disjoint = true;
        for (int i = 1; i < byTime.size(); i++) {
            if (byTime.get(i).summary().firstT <= byTime.get(i - 1).summary().lastT) {
                disjoint = false;
                break;
            }
        }
        if (disjoint && total / chunks >= MIN_AVG_CHUNK) {
            int i = 0;
            while (i < byTime.size()) {
                Summary acc = new Summary();
                java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
                do {
                    BlockRow r = byTime.get(i++);
                    acc.append(r.summary());
                    data.writeBytes(r.data());
                } while (i < byTime.size() && acc.count + byTime.get(i).summary().count <= opt.maxBlockSamples());
                bw.insertEncoded(tagId, win, acc, -1, data.toByteArray());
            }
            return;
        }
        cols.clear();
        for (BlockRow r : rows) {
            BlockCodec.decode(r.data(), cols);
        }
        cols.sortAndDedupe();
        bw.writeChunked(tagId, cols, 0, cols.n, false);
    }

    private void recomputeRollups(long horizon, long deadline) throws SQLException {
        while (System.nanoTime() < deadline) {
            drainAndLog();
            List<long[]> todo = new ArrayList<>();
            try (PreparedStatement ps = wconn.prepareStatement(
                    "SELECT tag_id, t0 FROM dirty_rollup WHERE t0 <= ? ORDER BY t0 LIMIT 256")) {
                ps.setLong(1, horizon);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        todo.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
            }
            if (todo.isEmpty()) {
                return;
            }
            int done = 0;
            memLock.writeLock().lock();
            try (PreparedStatement pending = wconn.prepareStatement(
                    "SELECT 1 FROM dirty_win WHERE tag_id=? AND win>=? AND win<? LIMIT 1");
                 PreparedStatement sel = wconn.prepareStatement("SELECT " + Schema.SUMMARY_COLS
                         + " FROM block WHERE tag_id=? AND win>=? AND win<? ORDER BY win, first_t");
                 PreparedStatement ins = wconn.prepareStatement("INSERT OR REPLACE INTO rollup(tag_id, t0, "
                         + Schema.SUMMARY_COLS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement clean = wconn.prepareStatement("DELETE FROM dirty_rollup WHERE tag_id=? AND t0=?")) {
                for (long[] d : todo) {
                    pending.setLong(1, d[0]);
                    pending.setLong(2, d[1]);
                    pending.setLong(3, d[1] + rollupSpan);
                    try (ResultSet rs = pending.executeQuery()) {
                        if (rs.next()) {
                            continue; // windows still to merge; later
                        }
                    }
                    sel.setLong(1, d[0]);
                    sel.setLong(2, d[1]);
                    sel.setLong(3, d[1] + rollupSpan);
                    Summary total = new Summary();
                    boolean ordered = true;
                    try (ResultSet rs = sel.executeQuery()) {
                        while (rs.next()) {
                            Summary s = readSummary(rs, 1);
                            if (total.count > 0 && s.firstT <= total.lastT) {
                                ordered = false;
                            }
                            total.append(s);
                        }
                    }
                    if (ordered && total.count > 0) {
                        ins.setLong(1, d[0]);
                        ins.setLong(2, d[1]);
                        bindSummary(ins, 3, total);
                        ins.addBatch();
                    }
                    if (ordered) {
                        clean.setLong(1, d[0]);
                        clean.setLong(2, d[1]);
                        clean.addBatch();
                        done++;
                    }
                }
                ins.executeBatch();
                clean.executeBatch();
                wconn.commit();
                markedRollups.clear();
            } finally {
                memLock.writeLock().unlock();
            }
            if (done == 0) {
                return;
            }
        }
    }

    // =====================================================================================================
    // recovery

    private void replayLog() throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Statement st = wconn.createStatement(); ResultSet rs = st.executeQuery("SELECT seq FROM log ORDER BY seq")) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        wconn.commit();
        if (seqs.isEmpty()) {
            return;
        }
        long replayed = 0;
        try (PreparedStatement ps = wconn.prepareStatement("SELECT data FROM log WHERE seq=?")) {
            for (long seq : seqs) {
                ps.setLong(1, seq);
                byte[] rec;
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    rec = rs.getBytes(1);
                }
                long[] maxT = {maxTimeSeen};
                int n;
                try {
                    n = LogCodec.decode(rec, (tagId, t, v, q) -> {
                        if (tagId >= tagNames.size() || tagNames.get(tagId) == null) {
                            newTag(tagName(tagId));
                        }
                        mem.reserve(1);
                        mem.add(tagId, t, v, q);
                        if (t > maxT[0]) {
                            maxT[0] = t;
                        }
                    });
                } catch (RuntimeException e) {
                    // a record is written in one transaction, so this means real corruption: keep the row, skip it
                    LOG.log(System.Logger.Level.ERROR, "skipping unreadable log record " + seq + ": " + e);
                    continue;
                }
                maxTimeSeen = maxT[0];
                replayed += n;
                if (mem.n >= opt.maxBufferedSamples()) {
                    replayLimit = seq + 1;
                    try {
                        flushMemtable();
                    } finally {
                        replayLimit = Long.MAX_VALUE;
                    }
                }
            }
        }
        wconn.commit();
        flushMemtable();
        LOG.log(System.Logger.Level.INFO, "historian replayed " + replayed + " samples from " + seqs.size()
                + " log records in " + path);
    }

    private String tagName(int id) {
        for (Map.Entry<String, Integer> e : tagIds.entrySet()) {
            if (e.getValue() == id) {
                return e.getKey();
            }
        }
        throw new HistorianException("log refers to unknown tag id " + id);
    }

    private void loadTags() throws SQLException {
        int max = -1;
        try (Statement st = wconn.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name FROM tag")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                tagIds.put(rs.getString(2), id);
                max = Math.max(max, id);
            }
        }
        nextTagId = max + 1;
        for (Map.Entry<String, Integer> e : tagIds.entrySet()) {
            newTag(e.getKey());
        }
    }

    private long[] loadOrStoreSpans(HistorianOptions o) throws SQLException {
        String s = meta("block_span");
        String r = meta("rollup_span");
        if (s == null || r == null) {
            putMeta("block_span", Long.toString(o.blockSpanMillis()));
            putMeta("rollup_span", Long.toString(o.rollupSpanMillis()));
            wconn.commit();
            return new long[] {o.blockSpanMillis(), o.rollupSpanMillis()};
        }
        return new long[] {Long.parseLong(s), Long.parseLong(r)};
    }

    private String meta(String key) throws SQLException {
        try (PreparedStatement ps = wconn.prepareStatement("SELECT value FROM meta WHERE key=?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void putMeta(String key, String value) throws SQLException {
        try (PreparedStatement ps = wconn.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private void rollbackQuietly() {
        markedWins.clear(); // marks of the failed transaction may be lost: mark again
        markedRollups.clear();
        try {
            wconn.rollback();
            return;
        } catch (SQLException e) {
            // SQLite rolls back by itself on some errors (e.g. SQLITE_FULL); the driver then failed before
            // re-opening its transaction: re-open it, or later statements would run in autocommit mode
        }
        try (Statement st = wconn.createStatement()) {
            st.execute("BEGIN");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not restart the transaction: " + e.getMessage());
        }
    }

    static HistorianException translate(String what, SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        String msg = String.valueOf(e.getMessage());
        if (code == 13 || msg.contains("SQLITE_FULL")) {
            return new StorageFullException("historian storage is full (" + what + "): " + msg
                    + ". Committed data is intact; pending samples are kept in memory and retried.", e);
        }
        return new HistorianException("historian failed to " + what + ": " + msg, e);
    }

    // =====================================================================================================
    // queries

    /**
     * All samples of tag with from ≤ time < to, sorted by time, one per timestamp (last write wins),
     * including samples not yet written to disk.
     */
    public List<Sample> raw(String tag, long from, long to) {
        SampleColumns c = collect(tag, from, to);
        int a = c.lowerBound(from);
        int b = c.lowerBound(to);
        List<Sample> out = new ArrayList<>(Math.max(0, b - a));
        Quality[] qs = Quality.values();
        for (int i = a; i < b; i++) {
            out.add(new Sample(tag, c.t[i], c.v[i], qs[c.q[i]]));
        }
        return out;
    }

    /** Samples of the tag in windows overlapping [from, to) plus every in-memory sample; sorted, deduped. */
    private SampleColumns collect(String tag, long from, long to) {
        SampleColumns c = new SampleColumns(1024);
        memLock.readLock().lock();
        try {
            Integer id = tagIds.get(tag);
            if (id != null && to > from) {
                synchronized (rconn) {
                    try (PreparedStatement ps = rconn.prepareStatement(
                            "SELECT data FROM block WHERE tag_id=? AND win>=? AND win<? ORDER BY win, id")) {
                        ps.setInt(1, id);
                        ps.setLong(2, Math.floorDiv(from, span) * span);
                        ps.setLong(3, to);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                BlockCodec.decode(rs.getBytes(1), c);
                            }
                        }
                        rconn.commit();
                    } catch (SQLException e) {
                        throw translate("read " + tag, e);
                    }
                }
            }
            addInMemory(tag, c);
        } finally {
            memLock.readLock().unlock();
        }
        c.sortAndDedupe();
        return c;
    }

    /** Caller holds the mem read lock. Adds memtable then queued samples of tag (arrival order). */
    private void addInMemory(String tag, SampleColumns c) {
        Integer id = tagIds.get(tag);
        if (id != null && id < tagNames.size()) {
            if (flushing != null) {
                flushing.collect(id, c);
            }
            mem.collect(id, c);
        }
        synchronized (queueLock) {
            for (List<Sample> batch : pending) {
                for (Sample s : batch) {
                    if (s.tag().equals(tag)) {
                        c.add(s.timeMillis(), s.value(), (byte) s.quality().ordinal());
                    }
                }
            }
        }
    }

    /** Latest sample (greatest timestamp) of the tag, including samples still in memory or in the log. */
    public Optional<Sample> latest(String tag) {
        Quality[] qs = Quality.values();
        Sample best = null;
        memLock.readLock().lock();
        try {
            Integer id = tagIds.get(tag);
            if (id != null) {
                synchronized (rconn) {
                    try (PreparedStatement ps = rconn.prepareStatement("SELECT last_t, last_v_bits, last_q FROM block "
                            + "WHERE tag_id=? ORDER BY win DESC, last_t DESC, id DESC LIMIT 1")) {
                        ps.setInt(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                best = new Sample(tag, rs.getLong(1), Double.longBitsToDouble(rs.getLong(2)),
                                        qs[rs.getInt(3)]);
                            }
                        }
                        rconn.commit();
                    } catch (SQLException e) {
                        throw translate("read latest " + tag, e);
                    }
                }
            }
            if (id != null && id < tagNames.size() && mem.hasLatest[id]
                    && (best == null || mem.latestT[id] >= best.timeMillis())) {
                best = new Sample(tag, mem.latestT[id], mem.latestV[id], qs[mem.latestQ[id]]);
            }
            synchronized (queueLock) {
                for (List<Sample> batch : pending) {
                    for (Sample s : batch) {
                        if (s.tag().equals(tag) && (best == null || s.timeMillis() >= best.timeMillis())) {
                            best = s;
                        }
                    }
                }
            }
        } finally {
            memLock.readLock().unlock();
        }
        return Optional.ofNullable(best);
    }

    /** Ids of all tags ever stored. */
    public List<String> tags() {
        List<String> l = new ArrayList<>(tagIds.keySet());
        l.sort(null);
        return l;
    }

    /**
     * The tag's range [from, to) reduced to {@code columns} pixel columns (M4), so that a chart never hides a
     * spike. Blocks that fall entirely inside one column are taken from their summary without decoding.
     */
    public Downsampled trend(String tag, long from, long to, int columns) {
        if (columns <= 0 || to <= from) {
            throw new IllegalArgumentException("need columns > 0 and to > from");
        }
        Downsampled d = Downsampled.empty(tag, from, to, columns);
        Trend.fill(this, d);
        return d;
    }

    /** Block rows overlapping [from, to) for a tag; used by trend/aggregate. */
    record BlockRow(long id, long win, Summary summary, byte[] data) {
    }

    /** Snapshot of a tag for a query: DB blocks in windows overlapping [from,to), rollups, in-memory samples. */
    static final class Snapshot {
        final List<BlockRow> blocks = new ArrayList<>();
        final List<Summary> rollups = new ArrayList<>();
        final List<Long> rollupStarts = new ArrayList<>();
        /** Sorted, deduped in-memory samples (all times). */
        final SampleColumns mem = new SampleColumns(64);
        /** Last sample before the first window (for carry-in), or null. */
        Summary before;
    }

    long span() {
        return span;
    }

    long rollupSpan() {
        return rollupSpan;
    }

    long now() {
        return opt.clock().millis();
    }

    /**
     * Reads the blocks of tag overlapping [from, to). When {@code useRollups}, rollup rows fully inside
     * [from, to) for which {@code rollupOk} holds replace the blocks of their span. Summaries only: data is
     * loaded for blocks when {@code withData}.
     */
    Snapshot snapshot(String tag, long from, long to, boolean useRollups, java.util.function.LongPredicate rollupOk) {
        Snapshot s = new Snapshot();
        memLock.readLock().lock();
        try {
            Integer id = tagIds.get(tag);
            addInMemory(tag, s.mem);
            s.mem.sortAndDedupe();
            if (id == null) {
                return s;
            }
            long winFrom = Math.floorDiv(from, span) * span;
            synchronized (rconn) {
                try {
                    List<long[]> ranges = new ArrayList<>();
                    if (useRollups) {
                        long r0 = Math.floorDiv(winFrom + rollupSpan - 1, rollupSpan) * rollupSpan;
                        if (r0 < from) {
                            r0 += rollupSpan;
                        }
                        long cursor = winFrom;
                        try (PreparedStatement ps = rconn.prepareStatement("SELECT t0, " + Schema.SUMMARY_COLS
                                + " FROM rollup WHERE tag_id=? AND t0>=? AND t0<=? ORDER BY t0")) {
                            ps.setInt(1, id);
                            ps.setLong(2, r0);
                            ps.setLong(3, to - rollupSpan);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    long t0 = rs.getLong(1);
                                    if (!rollupOk.test(t0) || hasMem(s.mem, t0, t0 + rollupSpan)) {
                                        continue;
                                    }
                                    s.rollups.add(readSummary(rs, 2));
                                    s.rollupStarts.add(t0);
                                    if (t0 > cursor) {
                                        ranges.add(new long[] {cursor, t0});
                                    }
                                    cursor = t0 + rollupSpan;
                                }
                            }
                        }
                        if (cursor < to) {
                            ranges.add(new long[] {cursor, to});
                        }
                    } else {
                        ranges.add(new long[] {winFrom, to});
                    }
                    try (PreparedStatement ps = rconn.prepareStatement("SELECT id, win, " + Schema.SUMMARY_COLS
                            + ", data FROM block WHERE tag_id=? AND win>=? AND win<? ORDER BY win, id")) {
                        for (long[] r : ranges) {
                            ps.setInt(1, id);
                            ps.setLong(2, r[0]);
                            ps.setLong(3, r[1]);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    s.blocks.add(new BlockRow(rs.getLong(1), rs.getLong(2), readSummary(rs, 3),
                                            rs.getBytes(21)));
                                }
                            }
                        }
                    }
                    try (PreparedStatement ps = rconn.prepareStatement("SELECT " + Schema.SUMMARY_COLS
                            + " FROM block WHERE tag_id=? AND win<? ORDER BY win DESC, last_t DESC, id DESC LIMIT 1")) {
                        ps.setInt(1, id);
                        ps.setLong(2, winFrom);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                s.before = readSummary(rs, 1);
                            }
                        }
                    }
                    rconn.commit();
                } catch (SQLException e) {
                    throw translate("read " + tag, e);
                }
            }
        } finally {
            memLock.readLock().unlock();
        }
        return s;
    }

    private static boolean hasMem(SampleColumns mem, long a, long b) {
        int i = mem.lowerBound(a);
        return i < mem.n && mem.t[i] < b;
    }

    /**
     * Statistics per interval [from + k·interval, from + (k+1)·interval) ∩ [from, to). Uses block summaries and
     * the coarse rollup level where an interval covers them completely, so long ranges cost little.
     */
    public List<Aggregate> aggregate(String tag, long from, long to, long intervalMillis) {
        if (intervalMillis <= 0 || to <= from) {
            throw new IllegalArgumentException("need intervalMillis > 0 and to > from");
        }
        long n = (to - from + intervalMillis - 1) / intervalMillis;
        if (n > 10_000_000) {
            throw new IllegalArgumentException("too many intervals: " + n);
        }
        return Aggregator.run(this, tag, from, to, intervalMillis);
    }

    // =====================================================================================================
    // export, retention, stats

    /**
     * Writes the samples of the given tags with from ≤ time < to as CSV {@code timestamp,tag,value,quality},
     * ordered by time then by the order of {@code tags}. Timestamps are ISO-8601 UTC with milliseconds; values
     * that are exactly a Float32 are written in the shortest Float32 form, others in the shortest double
     * form; NaN, Infinity and -Infinity are written as such. Returns the number of rows written.
     */
    public long exportCsv(Writer out, Collection<String> tags, long from, long to) {
        List<String> tagList = new ArrayList<>(tags);
        long rows = 0;
        try {
            out.write("timestamp,tag,value,quality\n");
            Quality[] qs = Quality.values();
            long chunk = span * 6;
            for (long a = from; a < to; a = a + chunk < a ? to : a + chunk) {
                long b = Math.min(to, a + chunk < a ? to : a + chunk);
                List<SampleColumns> cols = new ArrayList<>();
                List<int[]> ranges = new ArrayList<>();
                for (String tag : tagList) {
                    SampleColumns c = collect(tag, a, b);
                    cols.add(c);
                    ranges.add(new int[] {c.lowerBound(a), c.lowerBound(b)});
                }
                // k-way merge by time, ties by tag order
                StringBuilder sb = new StringBuilder(4096);
                while (true) {
                    int best = -1;
                    long bt = Long.MAX_VALUE;
                    for (int k = 0; k < cols.size(); k++) {
                        int[] r = ranges.get(k);
                        if (r[0] < r[1] && cols.get(k).t[r[0]] < bt) {
                            bt = cols.get(k).t[r[0]];
                            best = k;
                        }
                    }
                    if (best < 0) {
                        break;
                    }
                    SampleColumns c = cols.get(best);
                    int i = ranges.get(best)[0]++;
                    sb.setLength(0);
                    sb.append(CSV_TIME.format(Instant.ofEpochMilli(c.t[i]))).append(',');
                    appendCsvField(sb, tagList.get(best));
                    sb.append(',').append(formatValue(c.v[i])).append(',').append(qs[c.q[i]].name()).append('\n');
                    out.write(sb.toString());
                    rows++;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static String formatValue(double v) {
        float f = (float) v;
        if (Double.doubleToRawLongBits(f) == Double.doubleToRawLongBits(v) && !Double.isNaN(v)) {
            return Float.toString(f);
        }
        return Double.toString(v);
    }

    private static void appendCsvField(StringBuilder sb, String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            sb.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(s);
        }
    }

    /**
     * Deletes stored data older than {@code keep} for tags whose id matches {@code tagGlob} ({@code *}, {@code ?}
     * wildcards; {@code "*"} for all). Retention works in whole rollup spans (default UTC days): a span is
     * deleted once it ended before now − keep. Returns the number of blocks deleted.
     */
    public long applyRetention(String tagGlob, Duration keep) {
        Pattern p = HistorianOptions.globToRegex(tagGlob);
        long cutoff = now() - keep.toMillis();
        long cut = Math.floorDiv(cutoff, rollupSpan) * rollupSpan;
        long[] deleted = {0};
        submit(() -> {
            drainAndLog();
            flushMemtable();
            memLock.writeLock().lock();
            try (PreparedStatement db = wconn.prepareStatement("DELETE FROM block WHERE tag_id=? AND win<?");
                 PreparedStatement dr = wconn.prepareStatement("DELETE FROM rollup WHERE tag_id=? AND t0<?");
                 PreparedStatement dw = wconn.prepareStatement("DELETE FROM dirty_win WHERE tag_id=? AND win<?");
                 PreparedStatement dd = wconn.prepareStatement("DELETE FROM dirty_rollup WHERE tag_id=? AND t0<?")) {
                for (Map.Entry<String, Integer> e : tagIds.entrySet()) {
                    if (!p.matcher(e.getKey()).matches()) {
                        continue;
                    }
                    for (PreparedStatement ps : List.of(db, dr, dw, dd)) {
                        ps.setInt(1, e.getValue());
                        ps.setLong(2, cut);
                    }
                    deleted[0] += db.executeUpdate();
                    dr.executeUpdate();
                    dw.executeUpdate();
                    dd.executeUpdate();
                }
                wconn.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw translate("apply retention", e);
            } finally {
                memLock.writeLock().unlock();
            }
        });
        return deleted[0];
    }

    /** Storage statistics. {@code fileBytes} counts used pages of the database (data, summaries, indexes). */
    public record Stats(long blocks, long samples, long blockDataBytes, long fileBytes, long logRows) {
        public double bytesPerSample() {
            return samples == 0 ? Double.NaN : (double) fileBytes / samples;
        }

        public double dataBytesPerSample() {
            return samples == 0 ? Double.NaN : (double) blockDataBytes / samples;
        }
    }

    public Stats stats() {
        synchronized (rconn) {
            try (Statement st = rconn.createStatement()) {
                long blocks;
                long samples;
                long bytes;
                long logRows;
                try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(n),0), coalesce(sum(length(data)),0) FROM block")) {
                    blocks = rs.getLong(1);
                    samples = rs.getLong(2);
                    bytes = rs.getLong(3);
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM log")) {
                    logRows = rs.getLong(1);
                }
                long pages;
                long free;
                long pageSize;
                try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                    pages = rs.getLong(1);
                }
                try (ResultSet rs = st.executeQuery("PRAGMA freelist_count")) {
                    free = rs.getLong(1);
                }
                try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                    pageSize = rs.getLong(1);
                }
                rconn.commit();
                return new Stats(blocks, samples, bytes, (pages - free) * pageSize, logRows);
            } catch (SQLException e) {
                throw translate("read stats", e);
            }
        }
    }

    public Path path() {
        return path;
    }

    /** Flushes everything to blocks, stops the writer and closes the database. */
    @Override
    public void close() {
        synchronized (queueLock) {
            if (closing) {
                return;
            }
            closing = true;
            queueLock.notifyAll();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HistorianException err = null;
        try {
            drainAndLog();
            flushMemtable();
        } catch (HistorianException e) {
            err = e; // the log keeps what could not be compacted; it is replayed on the next open
        }
        try {
            rconn.close();
            wconn.close();
        } catch (SQLException e) {
            if (err == null) {
                err = translate("close", e);
            }
        }
        if (err != null) {
            throw err;
        }
    }

    /** Test hook: limits the database size (PRAGMA max_page_count) to provoke SQLITE_FULL. */
    void maxPageCountForTest(long pages) {
        submit(() -> {
            try (Statement st = wconn.createStatement()) {
                st.execute("PRAGMA max_page_count = " + pages);
            } catch (SQLException e) {
                throw translate("set max_page_count", e);
            }
        });
    }

    /** Test hook: stop the writer thread without flushing, as a crash would (the connection is closed). */
    void crashForTest() {
        synchronized (queueLock) {
            crashed = true;
            closing = true;
            pending.clear();
            queueLock.notifyAll();
        }
        try {
            writer.join(5000);
            rconn.close();
            wconn.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw translate("crash", e);
        }
    }

}
