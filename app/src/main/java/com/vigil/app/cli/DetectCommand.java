package com.vigil.app.cli;

import com.vigil.warning.offline.OfflineDetect;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil detect}: runs the early-warning detectors over benchmark files and writes one
 * {@code <file>.pred.csv} per input ({@code row,anomaly,changepoint}), using the same detector classes as
 * the online engine. See docs/early-warning.md.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run the early-warning detectors offline over SKAB or TEP files and write predictions.")
public final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "skab or tep")
    String format;

    @Option(names = "--in", required = true, description = "Input directory (SKAB tree, or the TEP .dat files).")
    Path in;

    @Option(names = "--out", required = true, description = "Output directory for the .pred.csv files.")
    Path out;

    @Option(names = "--detector", description = "Detector configuration, e.g. drift-pca, dpca, pca:alpha=0.99 "
            + "(default: the best for the format).")
    String detector;

    @Override
    public Integer call() {
        PrintStream log = System.err;
        return OfflineDetect.run(format, in, out, detector, log);
    }
}
