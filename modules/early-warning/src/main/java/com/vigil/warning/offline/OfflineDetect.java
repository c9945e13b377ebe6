package com.vigil.warning.offline;

import com.vigil.warning.detect.CusumChangepoints;
import com.vigil.warning.detect.Detectors;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.detect.Evaluation;
import com.vigil.warning.detect.Monitor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Offline detection over benchmark folders, writing one {@code <relative-path>.pred.csv} per input
 * file in the scorer's format ({@code row,anomaly}). Uses exactly the detector, model and
 * {@link Monitor} classes of the online engine. Exposed by the app as
 * {@code vigil detect --format skab|tep --in DIR --out DIR [--detector NAME]}.
 */
public final class OfflineDetect {
    /** SKAB protocol: the first rows of each file are the training part. */
    public static final int SKAB_TRAIN_ROWS = 400;
    private static final Pattern TEP_TRAIN = Pattern.compile("d(\\d\\d)\\.dat");
    private static final Pattern TEP_TEST = Pattern.compile("d(\\d\\d)_te\\.dat");

    private OfflineDetect() {
    }

    /**
     * @param format       {@code skab} or {@code tep}
     * @param in           input folder
     * @param out          output folder (created)
     * @param detectorName one of {@link Detectors#names()}, or null for the best default of the format
     * @param log          progress and problems
     * @return 0 ok, 1 some files skipped or degraded, 2 usage or input error
     */
    public static int run(String format, Path in, Path out, String detectorName, PrintStream log) {
        return run(format, in, out, detectorName, log, true);
    }

    /**
     * As {@link #run(String, Path, Path, String, PrintStream)}; {@code cusumChangepoints} selects the SKAB
     * changepoint column: true (default) = the edges of the warning plus the detections of
     * {@link CusumChangepoints}; false = no column (the scorer then uses the edges of the warning).
     */
    public static int run(String format, Path in, Path out, String detectorName, PrintStream log, boolean cusumChangepoints) {
        String fmt = format == null ? "" : format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("skab") && !fmt.equals("tep")) {
            log.println("detect: --format must be skab or tep, was '" + format + "'");
            return 2;
        }
        String name = detectorName == null || detectorName.isBlank() ? Detectors.defaultName(fmt) : detectorName;
        try {
            Detectors.create(name);
        } catch (IllegalArgumentException e) {
            log.println("detect: " + e.getMessage());
            return 2;
        }
        if (in == null || !Files.isDirectory(in)) {
            log.println("detect: input folder not found: " + in);
            return 2;
        }
        try {
            Files.createDirectories(out);
            log.println("detect: format=" + fmt + " detector=" + name + " in=" + in + " out=" + out);
            return fmt.equals("skab") ? runSkab(in, out, () -> Detectors.create(name), log, cusumChangepoints)
                : runTep(in, out, () -> Detectors.create(name), log);
        } catch (IOException e) {
            log.println("detect: I/O error: " + e.getMessage());
            return 2;
        }
    }

    static int runSkab(Path in, Path out, Supplier<Detectors.Config> config, PrintStream log) throws IOException {
        return runSkab(in, out, config, log, true);
    }

    static int runSkab(Path in, Path out, Supplier<Detectors.Config> config, PrintStream log, boolean cusumChangepoints) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(in)) {
            files = s.filter(Files::isRegularFile)
                .filter(p -> p.getFileName().toString().endsWith(".csv") && !p.getFileName().toString().endsWith(".pred.csv"))
                .filter(p -> !in.relativize(p).toString().replace('\\', '/').contains("anomaly-free"))
                .sorted().collect(Collectors.toList());
        }
        if (files.isEmpty()) {
            log.println("detect: no .csv files under " + in);
            return 2;
        }
        int status = 0;
        int written = 0;
        for (Path f : files) {
            String rel = in.relativize(f).toString().replace('\\', '/');
            DataTable t;
            try {
                t = DataTable.readSkab(f);
            } catch (IOException e) {
                log.println("skip " + rel + ": " + e.getMessage());
                status = 1;
                continue;
            }
            t.problems().forEach(p -> log.println("  " + p));
            if (t.size() <= SKAB_TRAIN_ROWS) {
                log.println("skip " + rel + ": " + t.size() + " data rows; need more than " + SKAB_TRAIN_ROWS
                    + " (the first " + SKAB_TRAIN_ROWS + " are the training part)");
                status = 1;
                continue;
            }
            byte[][] pred;
            try {
                pred = predict(config.get(), t, SKAB_TRAIN_ROWS, log, rel);
            } catch (IllegalArgumentException e) {
                log.println("skip " + rel + ": " + e.getMessage());
                status = 1;
                continue;
            }
            if (cusumChangepoints) {
                // changepoints = edges of the warning (raise and clear) plus CUSUM changepoints
                writePred(out.resolve(rel + ".pred.csv"), pred[0], changepoints(t, SKAB_TRAIN_ROWS, pred[0]), SKAB_TRAIN_ROWS);
            } else {
                // no column: the scorer takes the edges of the warning (raise and clear)
                writePred(out.resolve(rel + ".pred.csv"), pred[0], SKAB_TRAIN_ROWS);
            }
            written++;
        }
        log.println("detect: wrote " + written + " prediction files to " + out);
        return status;
    }

    /** Fits on the first {@code trainRows} rows and returns the alarm state of every row. */
    static byte[][] predict(Detectors.Config cfg, DataTable t, int trainRows, PrintStream log, String rel) {
        EarlyWarningModel model = cfg.fit(t.head(trainRows), t.columns());
        for (String note : model.detector().fitNotes()) log.println("  " + rel + ": " + note);
        return run(model, t);
    }

    /**
     * Changepoint column: 1 where the warning is raised or cleared, or where {@link CusumChangepoints}
     * (fitted on the first {@code trainRows} rows, run causally over the rest) detects a change.
     */
    static byte[] changepoints(DataTable t, int trainRows, byte[] alarm) {
        byte[] cp = new byte[t.size()];
        CusumChangepoints c = CusumChangepoints.fit(t.head(trainRows), CusumChangepoints.Settings.defaults());
        for (int r = trainRows; r < t.size(); r++) {
            boolean edge = r == trainRows ? alarm[r] == 1 : alarm[r] != alarm[r - 1];
            boolean hit = c.push(t.rows()[r]);
            cp[r] = (byte) (edge || hit ? 1 : 0);
        }
        return cp;
    }

    static byte[] alarms(EarlyWarningModel model, DataTable t) {
        return run(model, t)[0];
    }

    /** Runs the monitor over a table: {alarm state per row, 1 on rows where a warning was raised or cleared}. */
    static byte[][] run(EarlyWarningModel model, DataTable t) {
        Monitor m = model.monitor();
        byte[] a = new byte[t.size()], cp = new byte[t.size()];
        for (int r = 0; r < t.size(); r++) {
            Evaluation e = m.push(t.timesMillis()[r], t.rows()[r]);
            a[r] = (byte) (e.alarm() ? 1 : 0);
            cp[r] = (byte) (e.raised() || e.cleared() ? 1 : 0);
        }
        return new byte[][] {a, cp};
    }

    static void writePred(Path f, byte[] anomaly, int fromRow) throws IOException {
        writePred(f, anomaly, null, fromRow);
    }

    /** Writes {@code row,anomaly[,changepoint]} for rows from {@code fromRow} on. */
    static void writePred(Path f, byte[] anomaly, byte[] changepoint, int fromRow) throws IOException {
        if (f.getParent() != null) Files.createDirectories(f.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(changepoint == null ? "row,anomaly\n" : "row,anomaly,changepoint\n");
            for (int r = fromRow; r < anomaly.length; r++) {
                w.write(r + "," + anomaly[r] + (changepoint == null ? "" : "," + changepoint[r]) + "\n");
            }
        }
    }

    static int runTep(Path in, Path out, Supplier<Detectors.Config> config, PrintStream log) throws IOException {
        List<Path> train = new ArrayList<>(), test = new ArrayList<>();
        try (Stream<Path> s = Files.list(in)) {
            for (Path p : s.sorted().collect(Collectors.toList())) {
                String n = p.getFileName().toString();
                if (TEP_TRAIN.matcher(n).matches()) train.add(p);
                else if (TEP_TEST.matcher(n).matches()) test.add(p);
            }
        }
        Path d00 = in.resolve("d00.dat");
        if (!Files.isRegularFile(d00)) {
            log.println("detect: " + in + " has no d00.dat (normal-operation training file); it is needed to fit the TEP model");
            return 2;
        }
        if (test.isEmpty()) {
            log.println("detect: no dXX_te.dat test files in " + in + "; nothing to predict (the model is fitted on d00.dat..d21.dat only)");
            return 2;
        }
        DataTable normal = DataTable.readTep(d00);
        normal.problems().forEach(p -> log.println("  " + p));
        List<DataTable> faults = new ArrayList<>();
        for (Path p : train) {
            if (p.equals(d00)) continue;
            DataTable f = DataTable.readTep(p);
            f.problems().forEach(x -> log.println("  " + x));
            if (f.columns().size() != normal.columns().size()) {
                log.println("  ignore " + p.getFileName() + ": " + f.columns().size() + " columns, d00.dat has " + normal.columns().size());
                continue;
            }
            faults.add(f);
        }
        Detectors.Config cfg = config.get();
        EarlyWarningModel model;
        try {
            model = cfg.fitWithFaults(normal.rows(), normal.columns(), faults.stream().map(DataTable::rows).collect(Collectors.toList()));
        } catch (IllegalArgumentException e) {
            log.println("detect: cannot fit on " + d00 + ": " + e.getMessage());
            return 2;
        }
        for (String note : model.detector().fitNotes()) log.println("  d00.dat: " + note);
        int status = 0;
        for (Path p : test) {
            DataTable t = DataTable.readTep(p);
            t.problems().forEach(x -> log.println("  " + x));
            if (t.columns().size() != model.columns().size()) {
                log.println("skip " + p.getFileName() + ": " + t.columns().size() + " columns, the model needs " + model.columns().size());
                status = 1;
                continue;
            }
            writePred(out.resolve(p.getFileName() + ".pred.csv"), alarms(model, t), 0);
        }
        log.println("detect: wrote " + test.size() + " TEP prediction files to " + out + " (fitted on d00.dat"
            + (cfg.useFaults() ? " and " + faults.size() + " fault training files)" : "; fault training files not used by " + cfg.name() + ")"));
        return status;
    }

    /** Command-line entry: {@code OfflineDetect --format skab|tep --in DIR --out DIR [--detector NAME]}. */
    public static void main(String[] args) {
        String format = null, det = null;
        boolean cusum = true;
        Path in = null, out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--format" -> format = args[i + 1];
                case "--in" -> in = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--detector" -> det = args[i + 1];
                case "--changepoints" -> cusum = !args[i + 1].equalsIgnoreCase("edges");
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: --format skab|tep --in DIR --out DIR [--detector NAME] [--changepoints cusum|edges]");
                    System.exit(2);
                }
            }
        }
        if (format == null || in == null || out == null || args.length % 2 != 0) {
            System.err.println("usage: --format skab|tep --in DIR --out DIR [--detector " + String.join("|", Detectors.names()) + "]");
            System.exit(2);
        }
        System.exit(run(format, in, out, det, System.err, cusum));
    }

}
