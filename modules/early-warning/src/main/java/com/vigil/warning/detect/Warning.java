package com.vigil.warning.detect;

import java.util.List;

/**
 * A multivariate early warning: raised at {@code timeMillis} by the model {@code source}, with the tags
 * that contribute most to the deviation, ranked (largest first).
 *
 * @param severity smoothed statistic divided by the alarm limit (&gt; 1 while raised)
 */
public record Warning(String source, long timeMillis, double severity, List<Contribution> contributors) {
    public Warning {
        contributors = List.copyOf(contributors);
    }

    /** One line for logs and the alarm list, e.g. {@code pca 2.3x limit: FIC101 (61%), TI104 (22%)}. */
    public String describe(int topN) {
        double total = contributors.stream().mapToDouble(c -> Math.max(0, c.value())).sum();
        StringBuilder sb = new StringBuilder(source).append(' ').append(String.format(java.util.Locale.ROOT, "%.1fx limit:", severity));
        int k = 0;
        for (Contribution c : contributors) {
            if (k++ >= topN) break;
            sb.append(k == 1 ? " " : ", ").append(c.tag());
            if (total > 0) sb.append(String.format(java.util.Locale.ROOT, " (%.0f%%)", 100 * Math.max(0, c.value()) / total));
        }
        return sb.toString();
    }
}
