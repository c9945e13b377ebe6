package com.vigil.warning.detect;

import java.util.List;
import java.util.Random;

/** Deterministic synthetic plant data: 6 tags driven by 2 latent factors plus noise. */
final class Synthetic {
    static final List<String> COLUMNS = List.of("FI101", "TI102", "PI103", "LI104", "TI105", "FI106");

    private Synthetic() {
    }

    static double[][] normal(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][6];
        double a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            a = 0.8 * a + r.nextGaussian();
            b = 0.8 * b + r.nextGaussian();
            x[i][0] = 50 + 2 * a + 0.3 * r.nextGaussian();
            x[i][1] = 80 + 1.5 * a - b + 0.3 * r.nextGaussian();
            x[i][2] = 3 + 0.1 * b + 0.02 * r.nextGaussian();
            x[i][3] = 40 + a + b + 0.3 * r.nextGaussian();
            x[i][4] = 60 - a + 0.5 * b + 0.3 * r.nextGaussian();
            x[i][5] = 20 + 0.5 * a + 0.3 * r.nextGaussian();
        }
        return x;
    }

    /** Normal data with a sensor bias on column {@code col} from row {@code from} on. */
    static double[][] withBias(int n, long seed, int col, int from, double bias) {
        double[][] x = normal(n, seed);
        for (int i = from; i < n; i++) x[i][col] += bias;
        return x;
    }
}
