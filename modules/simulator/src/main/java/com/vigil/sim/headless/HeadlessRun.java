package com.vigil.sim.headless;

import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.sim.scenario.ScenarioSpec;
import com.vigil.sim.scenario.TruthEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The plant without a server, stepped as fast as the CPU allows: writes samples as CSV
 * {@code timestamp,tag,value,quality} (timestamps on the simulated clock; quality GOOD, or BAD for a failed
 * sensor and during a comm-loss scenario, with an empty value). For benchmarks and detector evaluation.
 */
public final class HeadlessRun {
    public static final String HEADER = "timestamp,tag,value,quality";

    /** What a run produced. */
    public record Result(long steps, long rows, double simulatedSeconds, List<TruthEvent> groundTruth) {
    }

    private HeadlessRun() {
    }

    /**
     * @param duration simulated seconds to run
     * @param step     simulated seconds per step (measurement instants)
     * @param sample   write every tag every {@code sample} simulated seconds (a multiple of {@code step} is best);
     *                 0 = do not write samples
     * @param out      CSV destination (null = samples not written)
     * @param truth    receives ground-truth events as they happen (may be null)
     */
    public static Result run(PlantDefinition plant, long seed, Instant start, double duration, double step,
                             double sample, List<ScenarioSpec> scenarios, Writer out, Consumer<TruthEvent> truth)
            throws IOException {
        PlantDynamics d = new PlantDynamics(plant, seed, start);
        if (truth != null) {
            d.onTruth(truth);
        }
        for (ScenarioSpec s : scenarios) {
            d.schedule(s);
        }
        List<TagDef> tags = d.tags();
        long rows = 0;
        long steps = 0;
        double nextSample = sample;
        StringBuilder sb = new StringBuilder(64 * 1024);
        try {
            if (out != null && sample > 0) {
                out.write(HEADER);
                out.write('\n');
            }
            while (d.time() < duration - 1e-9) {
                d.step(Math.min(step, duration - d.time()));
                steps++;
                if (out != null && sample > 0 && d.time() >= nextSample - 1e-9) {
                    nextSample += sample;
                    String ts = d.clock().instant().toString();
                    boolean lost = d.commLost();
                    for (int i = 0; i < tags.size(); i++) {
                        sb.append(ts).append(',').append(tags.get(i).id()).append(',');
                        if (lost || d.isBad(i)) {
                            sb.append(",BAD\n");
                        } else {
                            double v = d.value(i);
                            if (tags.get(i).kind() == TagKind.DISCRETE) {
                                sb.append(v >= 0.5 ? '1' : '0');
                            } else {
                                sb.append((float) v);
                            }
                            sb.append(",GOOD\n");
                        }
                        rows++;
                    }
                    if (sb.length() > 60 * 1024) {
                        out.write(sb.toString());
                        sb.setLength(0);
                    }
                }
            }
            if (out != null) {
                out.write(sb.toString());
                out.flush();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Result(steps, rows, d.time(), d.groundTruth());
    }
}
