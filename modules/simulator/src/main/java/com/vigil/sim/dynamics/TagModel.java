package com.vigil.sim.dynamics;

import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import java.util.Map;
import java.util.Set;

/**
 * Per-tag behaviour read from the plant file's {@code sim} section:
 * <ul>
 *   <li>{@code lag}: first-order lag ({@code tau} s) towards {@code sp + amp·cycle(period, phase) + load·day}</li>
 *   <li>{@code gas}: detector at zero (plus leaks) with noise; {@code tau} default 5 s</li>
 *   <li>{@code follow}: lag towards {@code offset + gain·of} (another tag's true value)</li>
 *   <li>{@code const}: {@code value}; {@code switch}: 1 when tag {@code of} is above {@code above}</li>
 *   <li>{@code driven}: written by an equipment unit; {@code tank}, {@code reactor}, {@code rotating}: the
 *       primary tag of such a unit (see {@link Unit})</li>
 * </ul>
 * Every model takes {@code noise} (standard deviation) and {@code q} (quantum) for the measurement.
 */
final class TagModel {
    enum Kind { LAG, GAS, FOLLOW, CONST, SWITCH, DRIVEN, UNIT }

    static final Set<String> UNIT_MODELS = Set.of("tank", "reactor", "rotating");

    final Kind kind;
    final String name;
    final Map<String, Object> sim;
    final double sp;
    final double amp;
    final double period;
    final double phase;
    final double tau;
    final double noise;
    final double quantum;
    final double load;
    final double gain;
    final double offset;
    final double above;
    final int of;

    private TagModel(Kind kind, String name, Map<String, Object> sim, double sp, double amp, double period,
                     double phase, double tau, double noise, double quantum, double load, double gain, double offset,
                     double above, int of) {
        this.kind = kind;
        this.name = name;
        this.sim = sim;
        this.sp = sp;
        this.amp = amp;
        this.period = period;
        this.phase = phase;
        this.tau = tau;
        this.noise = noise;
        this.quantum = quantum;
        this.load = load;
        this.gain = gain;
        this.offset = offset;
        this.above = above;
        this.of = of;
    }

    /** A slow load cycle with a second harmonic so it does not look like a sine wave; in [-1, 1]. */
    double cycle(double t) {
        if (amp == 0 || period <= 0) {
            return 0;
        }
        double w = 2 * Math.PI * t / period + phase;
        return 0.8 * Math.sin(w) + 0.2 * Math.sin(2.7 * w + 0.4);
    }

    double initial(TagDef t) {
        return switch (kind) {
            case GAS -> 0;
            case LAG, CONST -> sp;
            default -> t.kind() == TagKind.DISCRETE ? num(sim, "value", 0) : num(sim, "value",
                    (t.normalLow() + t.normalHigh()) / 2);
        };
    }

    double num(String key, double dflt) {
        return num(sim, key, dflt);
    }

    static TagModel of(TagDef t, Map<String, Object> sim, Map<String, Integer> index) {
        boolean discrete = t.kind() == TagKind.DISCRETE;
        String model = String.valueOf(sim.getOrDefault("model", discrete ? "const" : "lag"));
        double mid = (t.normalLow() + t.normalHigh()) / 2;
        double noise = num(sim, "noise", 0);
        double q = num(sim, "q", 0);
        return switch (model) {
            case "gas" -> new TagModel(Kind.GAS, model, sim, num(sim, "bg", 0), 0, 0, 0, num(sim, "tau", 5),
                    num(sim, "noise", 0.3), num(sim, "q", 0.1), 0, 0, 0, 0, -1);
            case "const" -> new TagModel(Kind.CONST, model, sim, num(sim, "value", discrete ? 0 : mid), 0, 0, 0, 0,
                    noise, q, 0, 0, 0, 0, -1);
            case "lag" -> new TagModel(Kind.LAG, model, sim, num(sim, "sp", mid), num(sim, "amp", 0),
                    num(sim, "period", 0), num(sim, "phase", 0), num(sim, "tau", 30), noise, q, num(sim, "load", 0), 0,
                    0, 0, -1);
            case "follow" -> new TagModel(Kind.FOLLOW, model, sim, 0, 0, 0, 0, num(sim, "tau", 30), noise, q, 0,
                    num(sim, "gain", 1), num(sim, "offset", 0), 0, ref(t, sim, "of", index));
            case "switch" -> new TagModel(Kind.SWITCH, model, sim, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    num(sim, "above", 0), ref(t, sim, "of", index));
            case "driven" -> new TagModel(Kind.DRIVEN, model, sim, num(sim, "value", discrete ? 0 : mid), 0, 0, 0,
                    num(sim, "tau", 0), noise, q, 0, 0, 0, 0, -1);
            case "tank", "reactor", "rotating" -> new TagModel(Kind.UNIT, model, sim, num(sim, "sp", mid), 0, 0, 0,
                    0, noise, q, 0, 0, 0, 0, -1);
            default -> throw new IllegalArgumentException("tag " + t.id() + ": unknown sim model '" + model
                    + "' (valid: lag, gas, follow, const, switch, driven, tank, reactor, rotating)");
        };
    }

    private static int ref(TagDef t, Map<String, Object> sim, String key, Map<String, Integer> index) {
        Object o = sim.get(key);
        Integer i = o == null ? null : index.get(String.valueOf(o));
        if (i == null) {
            throw new IllegalArgumentException("tag " + t.id() + ": sim." + key + " must name a tag of the plant, was '"
                    + o + "'");
        }
        return i;
    }

    static double num(Map<String, Object> m, String k, double d) {
        Object o = m.get(k);
        if (o == null) {
            return d;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(o));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sim." + k + " must be a number, was '" + o + "'");
        }
    }
}
