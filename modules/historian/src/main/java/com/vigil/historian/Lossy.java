package com.vigil.historian;

import com.vigil.historian.codec.SampleColumns;
import com.vigil.historian.codec.Summary;

/** Optional lossy compression (swinging door trending). Never applied unless configured. */
final class Lossy {
    private Lossy() {
    }

    /**
     * Swinging door over sorted samples: keeps a sample only when a straight line from the last kept sample
     * can no longer pass within ±deviation of every sample in between. Unusable samples, quality changes and
     * the first/last sample are always kept.
     */
    static SampleColumns swingingDoor(SampleColumns c, double dev) {
        SampleColumns out = new SampleColumns(Math.max(16, c.n / 4));
        if (c.n <= 2) {
            out.addAll(c);
            return out;
        }
        out.add(c.t[0], c.v[0], c.q[0]);
        int a = 0; // last kept sample
        while (a < c.n - 1) {
            int end = nextKept(c, a, dev);
            out.add(c.t[end], c.v[end], c.q[end]);
            a = end;
        }
        return out;
    }

    /**
     * The sample to keep after a: the latest sample k such that the straight line a→k passes within ±dev of
     * every sample between them, stopping before unusable samples and quality changes (which are kept).
     */
    private static int nextKept(SampleColumns c, int a, double dev) {
        if (!Summary.isUsable(c.v[a], c.q[a])) {
            return a + 1;
        }
        double upper = Double.POSITIVE_INFINITY;
        double lower = Double.NEGATIVE_INFINITY;
        int lastValid = a + 1;
        double va = c.v[a];
        for (int i = a + 1; i < c.n; i++) {
            if (!Summary.isUsable(c.v[i], c.q[i]) || c.q[i] != c.q[a]) {
                // keep the special sample; the segment before it must end at a valid point
                return i == a + 1 || lastValid == i - 1 ? (i == a + 1 ? i : i - 1) : lastValid;
            }
            double dt = c.t[i] - c.t[a];
            double slope = (c.v[i] - va) / dt;
            if (slope >= lower && slope <= upper) {
                lastValid = i;
            }
            upper = Math.min(upper, (c.v[i] + dev - va) / dt);
            lower = Math.max(lower, (c.v[i] - dev - va) / dt);
            if (upper < lower) {
                return lastValid;
            }
        }
        return lastValid == c.n - 1 ? c.n - 1 : lastValid;
    }
}
