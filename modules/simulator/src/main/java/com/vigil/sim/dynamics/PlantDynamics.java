package com.vigil.sim.dynamics;

import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic dynamics of the demo plant. Each tag follows a first-order lag towards a target that
 * moves slowly (load cycle), plus measurement noise and quantisation; gas detectors sit at zero with
 * noise. Injected disturbances override the target of one tag for a while (used by tests and demos).
 *
 * <p>Not thread-safe: one simulation thread calls {@link #step}. Same seed, same steps, same values.
 */
public final class PlantDynamics {
    private final List<TagDef> tags;
    private final Model[] models;
    private final double[] state;
    private final double[] measured;
    private final boolean[] bad;
    private final double[] forcedTarget;
    private final double[] forcedUntil;
    private final SplittableRandom random;
    private double time;

    public PlantDynamics(PlantDefinition plant, long seed) {
        this.tags = plant.plant().tags();
        int n = tags.size();
        this.models = new Model[n];
        this.state = new double[n];
        this.measured = new double[n];
        this.bad = new boolean[n];
        this.forcedTarget = new double[n];
        this.forcedUntil = new double[n];
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            TagDef t = tags.get(i);
            models[i] = Model.of(t, plant.simulation().getOrDefault(t.id(), Map.of()));
            state[i] = models[i].target(0);
            forcedUntil[i] = Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < n; i++) {
            measured[i] = measure(i);
        }
    }

    public List<TagDef> tags() {
        return tags;
    }

    /** Simulated seconds since start. */
    public double time() {
        return time;
    }

    /** Advances the plant by {@code dt} simulated seconds. */
    public void step(double dt) {
        time += dt;
        for (int i = 0; i < state.length; i++) {
            Model m = models[i];
            double target = time < forcedUntil[i] ? forcedTarget[i] : m.target(time);
            if (m.tau <= 0) {
                state[i] = target;
            } else {
                double a = Math.min(1.0, dt / m.tau);
                state[i] += a * (target - state[i]);
            }
            measured[i] = measure(i);
        }
    }

    private double measure(int i) {
        Model m = models[i];
        TagDef t = tags.get(i);
        if (t.kind() == TagKind.DISCRETE) {
            return state[i] >= 0.5 ? 1 : 0;
        }
        double v = state[i] + m.noise * random.nextGaussian();
        if (m.gas) {
            v = Math.abs(v); // detectors read zero with a little positive noise
        }
        if (m.quantum > 0) {
            v = Math.round(v / m.quantum) * m.quantum;
        }
        return Math.max(t.engLow(), Math.min(t.engHigh(), v));
    }

    /** Current measured value of tag {@code index} (clamped to its engineering range). */
    public double value(int index) {
        return measured[index];
    }

    public boolean isBad(int index) {
        return bad[index];
    }

    /** Drives a tag towards {@code target} for {@code seconds} simulated seconds (disturbance injection). */
    public void force(int index, double target, double seconds) {
        forcedTarget[index] = target;
        forcedUntil[index] = time + seconds;
    }

    /** Marks a sensor as failed (the server then reports Bad status for it). */
    public void setBad(int index, boolean failed) {
        bad[index] = failed;
    }

    public int indexOf(String tagId) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).id().equals(tagId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown tag " + tagId);
    }

    /** Per-tag behaviour read from the plant file's {@code sim} section. */
    static final class Model {
        final double sp;
        final double amp;
        final double period;
        final double phase;
        final double tau;
        final double noise;
        final double quantum;
        final boolean gas;

        private Model(double sp, double amp, double period, double phase, double tau, double noise, double quantum,
                      boolean gas) {
            this.sp = sp;
            this.amp = amp;
            this.period = period;
            this.phase = phase;
            this.tau = tau;
            this.noise = noise;
            this.quantum = quantum;
            this.gas = gas;
        }

        double target(double t) {
            if (amp == 0 || period <= 0) {
                return sp;
            }
            // a slow load cycle with a second harmonic so it does not look like a sine wave
            double w = 2 * Math.PI * t / period + phase;
            return sp + amp * (0.8 * Math.sin(w) + 0.2 * Math.sin(2.7 * w + 0.4));
        }

        static Model of(TagDef t, Map<String, Object> sim) {
            String model = String.valueOf(sim.getOrDefault("model", t.kind() == TagKind.DISCRETE ? "const" : "lag"));
            double mid = (t.normalLow() + t.normalHigh()) / 2;
            return switch (model) {
                case "gas" -> new Model(0, 0, 0, 0, 5, num(sim, "noise", 0.3), num(sim, "q", 0.1), true);
                case "const" -> new Model(num(sim, "value", t.kind() == TagKind.DISCRETE ? 0 : mid), 0, 0, 0, 0, 0, 0,
                        false);
                case "lag" -> new Model(num(sim, "sp", mid), num(sim, "amp", 0), num(sim, "period", 0),
                        num(sim, "phase", 0), num(sim, "tau", 30), num(sim, "noise", 0), num(sim, "q", 0), false);
                default -> throw new IllegalArgumentException("tag " + t.id() + ": unknown sim model '" + model
                        + "' (valid: lag, gas, const)");
            };
        }

        private static double num(Map<String, Object> m, String k, double d) {
            Object o = m.get(k);
            if (o == null) {
                return d;
            }
            if (o instanceof Number n) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException("sim." + k + " must be a number, was '" + o + "'");
        }
    }
}
