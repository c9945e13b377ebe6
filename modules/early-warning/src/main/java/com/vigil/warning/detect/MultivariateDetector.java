package com.vigil.warning.detect;

import java.util.List;

/**
 * A model of normal multivariate behaviour. It is fitted on a matrix of normal data (rows = time-ordered
 * samples, columns = tags) and scores rows by how far they are from normal, with per-tag contributions.
 * The alarm decision (smoothing, persistence, hysteresis) is made by {@link EarlyWarningModel} /
 * {@link Monitor}, which wrap a detector; every detector must be able to save itself to a
 * {@link ModelFile}.
 */
public interface MultivariateDetector {

    /** Short kind name used in model files, e.g. {@code pca}. */
    String kind();

    /**
     * Fits the model on normal data. NaN cells are allowed (imputed); constant or all-NaN columns are
     * kept but ignored, and reported in {@link #fitNotes()}.
     *
     * @throws IllegalArgumentException when there are too few rows to fit (the message says how many are needed)
     */
    void fit(double[][] normal, List<String> columns);

    boolean isFitted();

    /** Input tags, in the order expected by {@link #score}. */
    List<String> columns();

    /** How many past rows the detector needs in addition to the current row (0 for a static model). */
    int lags();

    /** Rows a new stream needs before its statistic is meaningful (no decision is taken before). */
    default int warmup() {
        return lags();
    }

    /**
     * Scores the current row.
     *
     * @param recent recent[0] is the current row, recent[i] the row i samples earlier; length must be
     *               {@code lags() + 1} (the caller repeats the oldest row at the start of a stream)
     */
    Score score(double[][] recent);

    /**
     * A stateful scoring session for one stream. The default keeps the lag history and calls
     * {@link #score}; adaptive detectors override it (e.g. to track a slowly drifting normal level
     * while no warning is active).
     */
    default Session session() {
        return new Session() {
            private final Lags.Window window = new Lags.Window(lags());

            @Override
            public Score next(double[] row, boolean inAlarm) {
                return score(window.push(row));
            }
        };
    }

    /** Streaming state of a detector. */
    interface Session {
        /**
         * Scores the next row.
         *
         * @param inAlarm whether the warning was active before this row (adaptive detectors freeze
         *                their adaptation while it is)
         */
        Score next(double[] row, boolean inAlarm);

        /**
         * Scores the next row, knowing which cells the caller filled in (a missing value scored as the tag's
         * last good value). Detectors that look at the values themselves, not only at their distance from
         * normal, must not take a filled-in cell for a real reading; the default ignores the mask.
         *
         * @param filled per tag, whether the value is a stand-in for a missing one
         */
        default Score next(double[] row, boolean[] filled, boolean inAlarm) {
            return next(row, inAlarm);
        }
    }

    /**
     * Out-of-fold scores of the training rows, in time order (statistic of each row scored by a model
     * that did not see it); used to calibrate the alarm threshold. Empty if not available.
     */
    double[] calibrationScores();

    /** Human-readable notes from fitting: ignored tags, imputed cells. */
    List<String> fitNotes();

    /** Serialises the fitted model. */
    ModelFile toModel();
}
