package com.vigil.warning.detect;

import java.util.List;
import java.util.Locale;

/** Factory of the named detector configurations and model-file dispatch. */
public final class Detectors {
    private Detectors() {
    }

    /** A named, fixed configuration: a fresh detector and its decision policy. */
    public record Config(String name, MultivariateDetector detector, DecisionPolicy policy, boolean useFaults) {
        public Config(String name, MultivariateDetector detector, DecisionPolicy policy) {
            this(name, detector, policy, false);
        }

        public EarlyWarningModel fit(double[][] normal, List<String> columns) {
            return EarlyWarningModel.fit(name, detector, policy, normal, columns);
        }

        /**
         * Fits with optional fault examples (time-ordered faulty rows, e.g. TEP fault training runs);
         * detectors that do not use fault data ignore them.
         */
        public EarlyWarningModel fitWithFaults(double[][] normal, List<String> columns, List<double[][]> faults) {
            if (useFaults && detector instanceof PcaDetector p) p.setFaultExamples(faults);
            return fit(normal, columns);
        }
    }

    /** Drift-aware full-rank Mahalanobis with centre re-learning (the detector of {@code drift-pca}). */
    private static PcaDetector driftPca() {
        return new PcaDetector(PcaDetector.Settings.defaults().withHorizon(200).withVariance(1.0).withT2Weight(1.0).withRelearnRows(60));
    }

    /** Dynamic PCA with 2 lags and an SPE-weighted statistic (the detector of {@code dpca}). */
    private static PcaDetector dpcaInner() {
        return new PcaDetector(PcaDetector.Settings.defaults().withLags(2).withT2Weight(0.2));
    }

    public static MultivariateDetector fromModel(ModelFile m) {
        return switch (m.kind()) {
            case "pca" -> PcaDetector.fromModel(m);
            case "step" -> StepDetector.fromModel(m);
            case "zscore" -> ZScoreDetector.fromModel(m);
            case "screen" -> DriftScreenDetector.fromModel(m);
            case "restier" -> ResidualTierDetector.fromModel(m);
            default -> throw new IllegalArgumentException("unknown detector kind '" + m.kind() + "' in model file");
        };
    }

    /** Names accepted by {@link #create}. */
    public static List<String> names() {
        return List.of("pca-raw", "pca", "dpca", "dpca-res", "drift-pca", "screen-pca", "step", "zscore");
    }

    /** Best fixed configuration for a benchmark format ({@code skab} or {@code tep}). */
    public static String defaultName(String format) {
        return format.equals("tep") ? "dpca-res" : "screen-pca";
    }

    /**
     * Creates a named configuration. Settings can be overridden for experiments with
     * {@code name:key=value,key=value}. Keys: PCA — lags, var, kmax, robust, q, folds, t2w, adapt, h
     * (drift horizon), relearn, il (input EWMA), faults (1 = learn fault directions from fault examples);
     * screen-pca — grow (variogram growth above which a tag is screened out) and the PCA keys;
     * dpca-res — tl (EWMA weight of the per-tag residual tier), tm (its margin), fz (1 = frozen-value tier, the
     * default; 0 = off) and the PCA keys;
     * step — w, bw, gap, trend, sq, shrink; zscore — zl, zq, h, relearn; decision policy — lambda, lq,
     * alarm, on, clear, off, dir, fast, onset, cap.
     */
    public static Config create(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        Config base = switch (name) {
            // textbook baseline: PCA T²+Q, 99 % limits, single-sample decision
            case "pca-raw" -> new Config(name, new PcaDetector(), DecisionPolicy.raw());
            // PCA T²+Q with EWMA smoothing, persistence and hysteresis
            case "pca" -> new Config(name, new PcaDetector(), new DecisionPolicy(0.1, 0.99, 1.0, 3, 0.7, 10));
            // dynamic PCA (2 lags), SPE-weighted, smoothed tier + fast tier; margin 1.25 above the
            // calibrated limit for run-to-run differences, clear below 0.6 x the raise level
            // (default for TEP-like continuous processes)
            case "dpca" -> new Config(name, dpcaInner(),
                new DecisionPolicy(0.1, 0.99, 1.25, 1, 0.6, 10).withFastFactor(1.3));
            // dpca plus a per-tag tier: EWMA of each tag's residual against 2 x its largest out-of-fold value, and a
            // frozen-value tier (a tag repeating one value for longer than normal operation shows); the
            // detector's statistic is already smoothed and calibrated (1.0 = raise), so the policy only adds the
            // clear level (0.6) and the off-delay (default for TEP-like continuous processes)
            case "dpca-res" -> new Config(name, new ResidualTierDetector(ResidualTierDetector.Settings.defaults(), dpcaInner()),
                new DecisionPolicy(1.0, 1.0, 1.0, 1, 0.6, 10));
            // drift-aware full-rank Mahalanobis (covariance of 200-row changes, recent centre), onset-direction clearing and
            // re-learning of the centre after a warning clears
            case "drift-pca" -> new Config(name, driftPca(),
                new DecisionPolicy(0.1, 0.99, 1.0, 3, 0.7, 10).withDirectionalClear(0.3));
            // drift-pca on the tags that are stationary over the training window (tags whose variogram still grows
            // 2x from lag 20 to lag 100 are screened out), raised at 1.25 x the calibrated limit as dpca
            // (default for SKAB-like test rigs)
            case "screen-pca" -> new Config(name, new DriftScreenDetector(DriftScreenDetector.Settings.defaults(), driftPca()),
                new DecisionPolicy(0.1, 0.99, 1.25, 3, 0.7, 10).withDirectionalClear(0.3));
            case "step" -> new Config(name, new StepDetector(), new DecisionPolicy(0.2, 0.99, 1.0, 3, 0.7, 10).withDirectionalClear(0.3));
            case "zscore" -> new Config(name, new ZScoreDetector(), new DecisionPolicy(1.0, 0.99, 1.0, 3, 0.7, 5).withDirectionalClear(0.3));
            default -> throw new IllegalArgumentException("unknown detector '" + spec + "'; known: " + String.join(", ", names()));
        };
        if (!s.contains(":")) return base;
        DriftScreenDetector.Settings gs = base.detector() instanceof DriftScreenDetector sc ? sc.settings() : null;
        ResidualTierDetector.Settings rs = base.detector() instanceof ResidualTierDetector rt ? rt.settings() : null;
        MultivariateDetector baseDet = gs != null ? ((DriftScreenDetector) base.detector()).inner()
            : rs != null ? ((ResidualTierDetector) base.detector()).inner() : base.detector();
        PcaDetector.Settings ds = baseDet instanceof PcaDetector pd ? pd.settings() : PcaDetector.Settings.defaults();
        ZScoreDetector.Settings zs = base.detector() instanceof ZScoreDetector zd ? zd.settings() : ZScoreDetector.Settings.defaults();
        StepDetector.Settings ss = base.detector() instanceof StepDetector sd ? sd.settings() : StepDetector.Settings.defaults();
        DecisionPolicy p = base.policy();
        boolean useFaults = base.useFaults();
        for (String kv : s.substring(s.indexOf(':') + 1).split(",")) {
            if (kv.isBlank()) continue;
            String[] a = kv.split("=", 2);
            if (a.length != 2) throw new IllegalArgumentException("detector option '" + kv + "' must be key=value");
            double v;
            try {
                v = Double.parseDouble(a[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("detector option '" + kv + "': value must be a number");
            }
            switch (a[0].trim()) {
                case "lags" -> ds = ds.withLags((int) v);
                case "var" -> ds = ds.withVariance(v);
                case "kmax" -> ds = ds.withMaxComponents((int) v);
                case "robust" -> ds = ds.withRobust(v != 0);
                case "q" -> ds = new PcaDetector.Settings(ds.lags(), ds.variance(), ds.maxComponents(), ds.robustScaling(), v, ds.folds(), ds.t2Weight(), ds.adaptRate(), ds.horizon(), ds.relearnRows(), ds.inputLambda());
                case "folds" -> ds = ds.withFolds((int) v);
                case "t2w" -> ds = ds.withT2Weight(v);
                case "adapt" -> ds = ds.withAdaptRate(v);
                case "relearn" -> { ds = ds.withRelearnRows((int) v);
                    zs = new ZScoreDetector.Settings(zs.lambda(), zs.horizon(), zs.limitQuantile(), zs.folds(), (int) v); }
                case "cap" -> p = p.withDirectionalCap(v);
                case "onset" -> p = p.withOnsetRows((int) v);
                case "il" -> ds = ds.withInputLambda(v);
                case "faults" -> useFaults = v != 0;
                case "h" -> { ds = ds.withHorizon((int) v); zs = new ZScoreDetector.Settings(zs.lambda(), (int) v, zs.limitQuantile(), zs.folds(), zs.relearnRows()); }
                case "zl" -> zs = new ZScoreDetector.Settings(v, zs.horizon(), zs.limitQuantile(), zs.folds(), zs.relearnRows());
                case "zq" -> zs = new ZScoreDetector.Settings(zs.lambda(), zs.horizon(), v, zs.folds(), zs.relearnRows());
                case "w" -> ss = new StepDetector.Settings((int) v, ss.baseWindow(), ss.gap(), ss.trend(), ss.limitQuantile(), ss.shrink());
                case "bw" -> ss = new StepDetector.Settings(ss.shortWindow(), (int) v, ss.gap(), ss.trend(), ss.limitQuantile(), ss.shrink());
                case "gap" -> ss = new StepDetector.Settings(ss.shortWindow(), ss.baseWindow(), (int) v, ss.trend(), ss.limitQuantile(), ss.shrink());
                case "trend" -> ss = new StepDetector.Settings(ss.shortWindow(), ss.baseWindow(), ss.gap(), v != 0, ss.limitQuantile(), ss.shrink());
                case "sq" -> ss = new StepDetector.Settings(ss.shortWindow(), ss.baseWindow(), ss.gap(), ss.trend(), v, ss.shrink());
                case "shrink" -> ss = new StepDetector.Settings(ss.shortWindow(), ss.baseWindow(), ss.gap(), ss.trend(), ss.limitQuantile(), v);
                case "grow" -> {
                    if (gs == null) throw new IllegalArgumentException("detector option 'grow' applies to screen-pca only");
                    gs = gs.withMaxGrowth(v);
                }
                case "tl", "tm", "fz" -> {
                    if (rs == null) throw new IllegalArgumentException("detector option '" + a[0].trim() + "' applies to dpca-res only");
                    rs = switch (a[0].trim()) {
                        case "tl" -> rs.withTagLambda(v);
                        case "tm" -> rs.withTagMargin(v);
                        default -> rs.withFrozenCheck(v != 0);
                    };
                }
                case "lambda" -> p = p.withEwmaLambda(v);
                case "lq" -> p = p.withLimitQuantile(v);
                case "alarm" -> p = p.withAlarmFactor(v);
                case "on" -> p = p.withOnDelay((int) v);
                case "clear" -> p = p.withClearFactor(v);
                case "off" -> p = p.withOffDelay((int) v);
                case "fast" -> p = p.withFastFactor(v);
                case "dir" -> p = p.withDirectionalClear(v);
                default -> throw new IllegalArgumentException("unknown detector option '" + a[0] + "'");
            }
        }
        MultivariateDetector d = baseDet instanceof StepDetector ? new StepDetector(ss)
            : baseDet instanceof ZScoreDetector ? new ZScoreDetector(zs) : new PcaDetector(ds);
        if (gs != null) d = new DriftScreenDetector(gs, d);
        if (rs != null) d = new ResidualTierDetector(rs, (PcaDetector) d);
        return new Config(s, d, p, useFaults);
    }
}
