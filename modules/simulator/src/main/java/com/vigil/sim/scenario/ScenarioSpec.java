package com.vigil.sim.scenario;

import java.util.Map;

/**
 * One scenario to inject: what ({@code name}, see {@link Scenarios#NAMES}), where ({@code target}: a tag id or
 * an equipment prefix like {@code RX.R201}; null = the scenario's default), when ({@code at} simulated seconds
 * after start; {@link Double#NaN} = at a random time drawn from the seed within {@code random_within} seconds,
 * default 3600) and its parameters (e.g. {@code peak}, {@code hours}, {@code duration}).
 */
public record ScenarioSpec(double at, String name, String target, Map<String, String> params) {
    public ScenarioSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public boolean random() {
        return Double.isNaN(at);
    }

    public double param(String key, double dflt) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scenario " + name + ": parameter " + key + " must be a number, was '"
                    + v + "'");
        }
    }

    public ScenarioSpec withAt(double newAt) {
        return new ScenarioSpec(newAt, name, target, params);
    }
}
