package com.vigil.historian.bench;

import com.vigil.model.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Plausible process data until real simulator data is passed in: per tag a first-order lag towards a
 * setpoint that steps now and then, plus noise, quantised like a DCS does (decimal steps for most tags, 16-bit
 * ADC steps for some), stored as Float32, at 1 Hz, all tags sharing each timestamp.
 */
public final class DemoData {
    private final String[] tags;
    private final double[] x;
    private final double[] sp;
    private final double[] noise;
    private final double[] quant;
    private final boolean[] decimal;
    private final double[] lo;
    private final double[] hi;
    private long rnd;

    public DemoData(int tagCount, long seed) {
        tags = new String[tagCount];
        x = new double[tagCount];
        sp = new double[tagCount];
        noise = new double[tagCount];
        quant = new double[tagCount];
        decimal = new boolean[tagCount];
        lo = new double[tagCount];
        hi = new double[tagCount];
        rnd = seed * 0x9E3779B97F4A7C15L + 1;
        String[] kinds = {"TT", "PT", "FT", "LT", "AT"};
        for (int i = 0; i < tagCount; i++) {
            String kind = kinds[i % kinds.length];
            tags[i] = "U" + (i / 100) + "." + kind + (100 + i % 100) + ".PV";
            switch (kind) {
                case "TT" -> set(i, 20, 350, 0.05, 0.01);
                case "PT" -> set(i, 0, 16, 0.004, 0.001);
                case "FT" -> set(i, 0, 120, 0.4, 0.01);
                case "LT" -> set(i, 0, 100, 0.15, 0.1);
                default -> set(i, 0, 25, 0.02, 0.01);
            }
            decimal[i] = i % 10 < 7;
            if (!decimal[i]) {
                quant[i] = (hi[i] - lo[i]) / 65535.0; // 16-bit ADC counts
            }
            x[i] = lo[i] + (hi[i] - lo[i]) * (0.3 + 0.4 * uniform());
            sp[i] = x[i];
        }
    }

    private void set(int i, double l, double h, double n, double q) {
        lo[i] = l;
        hi[i] = h;
        noise[i] = n;
        quant[i] = q;
    }

    private double uniform() {
        rnd ^= rnd << 13;
        rnd ^= rnd >>> 7;
        rnd ^= rnd << 17;
        return (rnd >>> 11) * 0x1.0p-53;
    }

    private double gauss() {
        return (uniform() + uniform() + uniform() + uniform() - 2) * 1.7320508;
    }

    public String tag(int i) {
        return tags[i];
    }

    public int tagCount() {
        return tags.length;
    }

    /** Advances every tag by one second and returns the samples at {@code timeMillis}. */
    public List<Sample> step(long timeMillis) {
        List<Sample> batch = new ArrayList<>(tags.length);
        for (int i = 0; i < tags.length; i++) {
            batch.add(Sample.good(tags[i], timeMillis, next(i)));
        }
        return batch;
    }

    /** Next value of tag i. */
    public double next(int i) {
        if (uniform() < 1.0 / 1800) {
            sp[i] = lo[i] + (hi[i] - lo[i]) * (0.2 + 0.6 * uniform());
        }
        x[i] += (sp[i] - x[i]) * 0.02 + noise[i] * gauss();
        double v = Math.round((x[i] - lo[i]) / quant[i]) * quant[i] + lo[i];
        if (decimal[i]) {
            v = Math.round(x[i] / quant[i]) * quant[i];
        }
        return (float) v;
    }
}
