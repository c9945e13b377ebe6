package com.vigil.sim.scenario;

import java.time.Instant;

/**
 * One line of the ground-truth log.
 *
 * @param simSeconds simulated seconds since the start of the run
 * @param time       the same instant on the simulated clock
 * @param scenarioId S1, S2 … in order of start
 * @param scenario   scenario name
 * @param target     what it was applied to (tag id or equipment prefix)
 * @param area       area id of the target
 * @param event      {@code START}, {@code CROSS} (a tag first crossed one of its alarm limits while the
 *                   scenario was active) or {@code END}
 * @param tag        for CROSS: the tag
 * @param limit      for CROSS: {@code H}, {@code HH}, {@code L}, {@code LL} or {@code OFFNORMAL}. The
 *                   <em>hard limit</em> of a scenario is its first HH or LL crossing; H/L are the first alarms
 * @param value      for CROSS: the measured value that crossed (as published)
 */
public record TruthEvent(double simSeconds, Instant time, String scenarioId, String scenario, String target,
                         String area, String event, String tag, String limit, double value) {

    public static final String HEADER = "timestamp,sim_seconds,scenario_id,scenario,target,area,event,tag,limit,value";

    public boolean hardLimit() {
        return "HH".equals(limit) || "LL".equals(limit);
    }

    public String csv() {
        return time + "," + String.format(java.util.Locale.ROOT, "%.1f", simSeconds) + "," + scenarioId + ","
                + scenario + "," + (target == null ? "" : target) + "," + (area == null ? "" : area) + "," + event + ","
                + (tag == null ? "" : tag) + "," + (limit == null ? "" : limit) + ","
                + (Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.3f", value));
    }
}
