package com.vigil.historian;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tuning of a {@link Historian}. Immutable; use the {@code withXxx} methods on {@link #defaults()}.
 *
 * @param commitIntervalMillis  the write-ahead log is committed at least this often while samples arrive
 *                              (≤ 1000: a crash loses at most this much)
 * @param flushIntervalMillis   in-memory samples are compacted into blocks at least this often
 * @param maxBufferedSamples    ... or as soon as this many samples are buffered in memory
 * @param blockSpanMillis       blocks never cross a multiple of this span (block "window"); also the unit of
 *                              the block-summary rollup level
 * @param maxBlockSamples       maximum samples in one block
 * @param rollupSpanMillis      span of the coarse pre-computed rollup level (default one UTC day)
 * @param synchronousFull       PRAGMA synchronous=FULL (survives power loss) instead of NORMAL (survives process
 *                              crashes / kill -9)
 * @param lossy                 optional per-tag lossy compression rules (empty: lossless, the default)
 * @param clock                 clock used for retention
 */
public record HistorianOptions(long commitIntervalMillis, long flushIntervalMillis, int maxBufferedSamples,
                               long blockSpanMillis, int maxBlockSamples, long rollupSpanMillis,
                               boolean synchronousFull, List<LossyRule> lossy, Clock clock) {

    /**
     * Swinging-door compression for tags whose id matches {@code tagGlob} ({@code *} and {@code ?} wildcards):
     * samples are dropped while a straight line from the last kept sample stays within ±deviation of them.
     * Quality changes and non-finite values are always kept.
     */
    public record LossyRule(String tagGlob, double deviation) {
        public LossyRule {
            Objects.requireNonNull(tagGlob, "tagGlob");
            if (!(deviation >= 0)) {
                throw new IllegalArgumentException("deviation must be >= 0");
            }
        }

        public boolean matches(String tag) {
            return globToRegex(tagGlob).matcher(tag).matches();
        }
    }

    public HistorianOptions {
        if (commitIntervalMillis <= 0 || commitIntervalMillis > 1000) {
            throw new IllegalArgumentException("commitIntervalMillis must be in 1..1000");
        }
        if (flushIntervalMillis <= 0) {
            throw new IllegalArgumentException("flushIntervalMillis must be > 0");
        }
        if (maxBufferedSamples <= 0) {
            throw new IllegalArgumentException("maxBufferedSamples must be > 0");
        }
        if (blockSpanMillis <= 0 || maxBlockSamples < 2) {
            throw new IllegalArgumentException("blockSpanMillis > 0 and maxBlockSamples >= 2 required");
        }
        if (rollupSpanMillis <= 0 || rollupSpanMillis % blockSpanMillis != 0) {
            throw new IllegalArgumentException("rollupSpanMillis must be a multiple of blockSpanMillis");
        }
        lossy = List.copyOf(lossy);
        Objects.requireNonNull(clock, "clock");
    }

    public static HistorianOptions defaults() {
        return new HistorianOptions(200, 60_000, 2_000_000, 3_600_000L, 4096, 86_400_000L, false, List.of(),
                Clock.systemUTC());
    }

    public HistorianOptions withCommitIntervalMillis(long v) {
        return new HistorianOptions(v, flushIntervalMillis, maxBufferedSamples, blockSpanMillis, maxBlockSamples,
                rollupSpanMillis, synchronousFull, lossy, clock);
    }

    public HistorianOptions withFlushIntervalMillis(long v) {
        return new HistorianOptions(commitIntervalMillis, v, maxBufferedSamples, blockSpanMillis, maxBlockSamples,
                rollupSpanMillis, synchronousFull, lossy, clock);
    }

    public HistorianOptions withMaxBufferedSamples(int v) {
        return new HistorianOptions(commitIntervalMillis, flushIntervalMillis, v, blockSpanMillis, maxBlockSamples,
                rollupSpanMillis, synchronousFull, lossy, clock);
    }

    public HistorianOptions withBlocks(long spanMillis, int maxSamples, long rollupSpan) {
        return new HistorianOptions(commitIntervalMillis, flushIntervalMillis, maxBufferedSamples, spanMillis,
                maxSamples, rollupSpan, synchronousFull, lossy, clock);
    }

    public HistorianOptions withSynchronousFull(boolean v) {
        return new HistorianOptions(commitIntervalMillis, flushIntervalMillis, maxBufferedSamples, blockSpanMillis,
                maxBlockSamples, rollupSpanMillis, v, lossy, clock);
    }

    public HistorianOptions withLossy(LossyRule rule) {
        List<LossyRule> l = new ArrayList<>(lossy);
        l.add(rule);
        return new HistorianOptions(commitIntervalMillis, flushIntervalMillis, maxBufferedSamples, blockSpanMillis,
                maxBlockSamples, rollupSpanMillis, synchronousFull, l, clock);
    }

    public HistorianOptions withClock(Clock c) {
        return new HistorianOptions(commitIntervalMillis, flushIntervalMillis, maxBufferedSamples, blockSpanMillis,
                maxBlockSamples, rollupSpanMillis, synchronousFull, lossy, c);
    }

    /** Glob with {@code *} (any run) and {@code ?} (one character) to an anchored regex. */
    public static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
