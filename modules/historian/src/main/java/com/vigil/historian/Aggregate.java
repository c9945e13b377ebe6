package com.vigil.historian;

/**
 * Statistics of one tag over one interval [start, end). Only usable samples (quality GOOD or UNCERTAIN and a
 * finite value) enter min, max, avg, first, last and the time-weighted average; values are NaN when the
 * interval has none.
 *
 * @param start               interval start, epoch ms (inclusive)
 * @param end                 interval end, epoch ms (exclusive)
 * @param count               all samples in the interval, any quality
 * @param usableCount         samples that are GOOD/UNCERTAIN with a finite value
 * @param badCount            samples with quality BAD or STALE
 * @param min                 minimum usable value
 * @param max                 maximum usable value
 * @param avg                 arithmetic mean of usable values
 * @param timeWeightedAvg     step-hold time-weighted mean: a usable value holds until the next sample of any quality
 *                            (or the interval end); the value before the interval is carried in from its start.
 *                            NaN when nothing usable was held in the interval
 * @param first               first usable value
 * @param last                last usable value
 */
public record Aggregate(long start, long end, long count, long usableCount, long badCount, double min, double max,
                        double avg, double timeWeightedAvg, double first, double last) {
}
