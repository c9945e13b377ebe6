package com.vigil.warning.offline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds a local <em>proxy</em> of the TEP test protocol from the training files only, because the real
 * test files (dXX_te.dat) are held out. With d00.dat = 500 normal samples and dXX.dat = 480 samples
 * recorded from the fault onset:
 * <ul>
 *   <li>proxy training: {@code d00.dat} = d00 samples 1–330; {@code dXX.dat} = dXX samples 241–480 (the late
 *       half of each fault run);</li>
 *   <li>proxy test: {@code dXX_te.dat} = d00 samples 331–490 (160 held-out normal samples) followed by dXX
 *       samples 1–240 (the onset half, never seen in training), so the "fault" starts after sample 160 as
 *       in the real test files; {@code d00_te.dat} = d00 samples 331–500 (the scorer needs more than 160).</li>
 * </ul>
 * The real scorer ({@code TepScore.java}) runs unchanged on the proxy (it warns that the files have 400 and
 * 170 samples instead of 960). Detection delay is measured from the first faulty sample as in the real test.
 */
public final class TepProxy {
    /** Normal samples of d00 used for training in the proxy; the remaining 160 are the held-out normal part. */
    public static final int NORMAL_TRAIN = 330;

    private TepProxy() {
    }

    public static void build(Path tepDir, Path out, PrintStream log) throws IOException {
        build(tepDir, out, 0, log);
    }

    /**
     * @param fold 0: normal training = d00 samples 1–330, held-out normal = 331–500 (as described above);
     *             1: the mirror image, training = 171–500, held-out normal = 1–170
     */
    public static void build(Path tepDir, Path out, int fold, PrintStream log) throws IOException {
        Files.createDirectories(out);
        double[][] d00 = DataTable.readTep(tepDir.resolve("d00.dat")).rows();
        if (d00.length < 500) throw new IOException("d00.dat has " + d00.length + " samples; the proxy needs 500");
        int hold = 500 - NORMAL_TRAIN;
        int trainFrom = fold == 0 ? 0 : hold, holdFrom = fold == 0 ? NORMAL_TRAIN : 0;
        write(out.resolve("d00.dat"), d00, trainFrom, trainFrom + NORMAL_TRAIN);
        write(out.resolve("d00_te.dat"), d00, holdFrom, holdFrom + hold);
        for (int f = 1; f <= 21; f++) {
            Path p = tepDir.resolve(String.format(Locale.ROOT, "d%02d.dat", f));
            if (!Files.isRegularFile(p)) {
                log.println("proxy: missing " + p + "; skipped");
                continue;
            }
            double[][] x = DataTable.readTep(p).rows();
            int half = x.length / 2;
            write(out.resolve(String.format(Locale.ROOT, "d%02d.dat", f)), x, half, x.length);
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(String.format(Locale.ROOT, "d%02d_te.dat", f)), StandardCharsets.UTF_8)) {
                rows(w, d00, holdFrom, holdFrom + 160);
                rows(w, x, 0, half);
            }
        }
        log.println("proxy: wrote " + out);
    }

    private static void write(Path f, double[][] x, int from, int to) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            rows(w, x, from, to);
        }
    }

    private static void rows(BufferedWriter w, double[][] x, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            StringBuilder sb = new StringBuilder();
            for (double v : x[i]) sb.append("  ").append(String.format(Locale.ROOT, "%.7e", v));
            w.write(sb.append('\n').toString());
        }
    }

    /**
     * Second proxy ("whole runs"): fit on all of d00.dat exactly as for the real test, then run the monitor
     * over each complete fault training run dXX.dat (480 samples from the fault onset). Reports the alarm
     * fraction per run, the mean over the 18 observable faults, and the alarm fraction on the runs of
     * faults 3, 9 and 15, which the literature finds indistinguishable from normal operation: these are
     * independent simulation runs, so their alarm fraction estimates the false-alarm rate on a
     * <em>new</em> run (the real d00_te and the first 160 samples of each dXX_te are new runs too).
     * Delays are counted from the first sample of the run and include the detector's warm-up.
     */
    public static String wholeRuns(Path tepDir, String detector) throws IOException {
        DataTable d00 = DataTable.readTep(tepDir.resolve("d00.dat"));
        com.vigil.warning.detect.EarlyWarningModel model = com.vigil.warning.detect.Detectors.create(detector).fit(d00.rows(), d00.columns());
        StringBuilder sb = new StringBuilder("run  alarm_fraction  first_alarm_min\n");
        double sum = 0, nr = 0;
        int n = 0;
        double[] delays = new double[18];
        for (int f = 1; f <= 21; f++) {
            Path p = tepDir.resolve(String.format(Locale.ROOT, "d%02d.dat", f));
            if (!Files.isRegularFile(p)) continue;
            byte[] a = OfflineDetect.alarms(model, DataTable.readTep(p));
            int count = 0, first = -1;
            for (int i = 0; i < a.length; i++) if (a[i] == 1) { count++; if (first < 0) first = i; }
            double frac = count / (double) a.length;
            double delay = first < 0 ? Double.POSITIVE_INFINITY : 3.0 * (first + 1);
            sb.append(String.format(Locale.ROOT, "d%02d  %.3f  %s%n", f, frac, first < 0 ? "inf" : String.valueOf((long) delay)));
            if (f == 3 || f == 9 || f == 15) nr += frac / 3;
            else if (n < delays.length) { sum += frac; delays[n++] = delay; }
        }
        double[] d = java.util.Arrays.copyOf(delays, n);
        java.util.Arrays.sort(d);
        sb.append(String.format(Locale.ROOT, "TEP-runs detector=%s mean_detection_18=%.3f newrun_far_3_9_15=%.3f median_first_alarm_min_18=%s%n",
            detector, n == 0 ? Double.NaN : sum / n, nr, n == 0 ? "nan" : String.valueOf(d[n / 2])));
        return sb.toString();
    }

    /** {@code TepProxy <tep-dir> <out-dir> [fold]} or {@code TepProxy --runs <tep-dir> [detector]} */
    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("--runs")) {
            System.out.print(wholeRuns(Path.of(args[1]), args.length > 2 ? args[2] : com.vigil.warning.detect.Detectors.defaultName("tep")));
            return;
        }
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: TepProxy <tep-dir-with-d00.dat..d21.dat> <out-dir> [fold 0|1]\n       TepProxy --runs <tep-dir> [detector]");
            System.exit(2);
        }
        build(Path.of(args[0]), Path.of(args[1]), args.length == 3 ? Integer.parseInt(args[2]) : 0, System.err);
    }
}
