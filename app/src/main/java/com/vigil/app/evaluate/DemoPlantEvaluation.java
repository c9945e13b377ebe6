package com.vigil.app.evaluate;

import com.vigil.app.runtime.CompositeRuleAlarms;
import com.vigil.app.runtime.SimulatedPlantFeed;
import com.vigil.model.SampleBatchListener;
import com.vigil.model.TagDef;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.sim.scenario.ScenarioSpec;
import com.vigil.sim.scenario.TruthEvent;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.detect.Warning;
import com.vigil.warning.online.OnlineAssetWarnings;
import com.vigil.warning.online.OnlineCompositeRules;
import com.vigil.warning.online.OnlineTimeToThreshold;
import com.vigil.warning.trend.ThresholdWarning;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The early warning measured on the demo plant against the simulator's ground truth, with exactly the online
 * classes the console runs (time to threshold on every analog tag with limits, multivariate model per asset).
 *
 * <p>Two simulated runs: a <em>scenario day</em> (normal operation with slow faults injected) and a <em>normal
 * day</em> (another seed, no scenario, started at another time of day: {@link #NORMAL_DAY_START}). A warning is
 * <em>true</em> when it is raised while a scenario is active (from its START to its END, or the end of the run) on the
 * scenario's target equipment, or on a tag that crossed a limit in that scenario; every other warning is
 * <em>false</em>. The lead time of a scenario is measured from its first true warning to its first hard-limit (HH/LL)
 * crossing, and to its first <em>consequence</em> hard-limit crossing: one later than {@link #INJECTED_SECONDS} after
 * the start (earlier crossings are the injected fault itself, e.g. the cooling-water flow LL when the cooling valve
 * fails, which no prediction can precede).
 */
public final class DemoPlantEvaluation {
    /** Hard-limit crossings this soon after a scenario starts are the injected fault itself. */
    public static final double INJECTED_SECONDS = 300;

    /**
     * The normal day starts at 13:30 plant time, near the afternoon load peak, where the training days and the
     * scenario day start at {@link PlantDynamics#DEFAULT_START} (08:00 plant time): the console starts the plant at
     * whatever time it is, and a start at another time of day must raise nothing either.
     */
    static final Instant NORMAL_DAY_START = PlantDynamics.DEFAULT_START.plusSeconds(5 * 3600 + 1800);

    /** One warning as raised online. */
    public record Raised(String kind, String source, String area, Instant raised, Instant cleared, String text) {
    }

    /** Per-scenario outcome. */
    public record ScenarioResult(String id, String scenario, String target, Instant start, Instant firstWarning,
                                 String firstWarningText, Instant firstHard, String firstHardTag, Instant firstConsequence,
                                 String firstConsequenceTag) {
        /** Minutes from the first true warning to the first consequence hard-limit crossing (NaN when either is missing). */
        public double leadMinutes() {
            if (firstWarning == null || firstConsequence == null) return Double.NaN;
            return (firstConsequence.toEpochMilli() - firstWarning.toEpochMilli()) / 60_000.0;
        }
    }

    /** Everything measured. */
    public record Result(List<ScenarioResult> scenarios, List<Raised> scenarioDay, List<Boolean> scenarioDayTrue,
                         List<Raised> normalDay, int assetModels, int tttTags, int plantRules, int consoleRules) {
        public long falseOnScenarioDay() {
            return scenarioDayTrue.stream().filter(t -> !t).count();
        }

        /** False warnings over both days divided by all warnings over both days. */
        public double falseFraction() {
            long all = scenarioDay.size() + normalDay.size();
            return all == 0 ? 0 : (falseOnScenarioDay() + normalDay.size()) / (double) all;
        }

        public long warnedInTime(double minutes) {
            return scenarios.stream().filter(s -> s.leadMinutes() >= minutes).count();
        }
    }

    private DemoPlantEvaluation() {
    }

    /**
     * Runs both days.
     *
     * @param models asset models (trained on another seed than both evaluated days)
     */
    public static Result run(PlantDefinition plant, Map<String, EarlyWarningModel> models, long scenarioSeed,
                             long normalSeed, double hours, List<ScenarioSpec> scenarios) {
        return run(plant, models, scenarioSeed, normalSeed, hours, scenarios, List.of());
    }

    /**
     * Runs both days with the plant file's composite rules and {@code consoleRules} (rules written in the console,
     * e.g. {@link com.vigil.app.runtime.RuleBook#toDef}; each must run with this plant file,
     * {@link com.vigil.app.runtime.RuleBook#runnable}).
     *
     * @throws IllegalArgumentException when a console rule does not run with this plant file
     */
    public static Result run(PlantDefinition plant, Map<String, EarlyWarningModel> models, long scenarioSeed,
                             long normalSeed, double hours, List<ScenarioSpec> scenarios,
                             List<PlantDefinition.RuleDef> consoleRules) {
        List<TruthEvent> truth = new ArrayList<>();
        List<Raised> day = simulate(plant, models, scenarioSeed, PlantDynamics.DEFAULT_START, hours, scenarios, truth,
                consoleRules);
        List<Raised> normal = simulate(plant, models, normalSeed, NORMAL_DAY_START, hours, List.of(), new ArrayList<>(),
                consoleRules);
        List<ScenarioResult> results = new ArrayList<>();
        List<Boolean> isTrue = new ArrayList<>();
        for (Raised r : day) isTrue.add(matches(r, truth, hours));
        for (TruthEvent start : truth) {
            if (!"START".equals(start.event())) continue;
            Instant firstWarning = null;
            String text = null;
            for (int i = 0; i < day.size(); i++) {
                Raised r = day.get(i);
                if (isTrue.get(i) && belongs(r, start, truth) && !r.raised().isBefore(start.time())
                        && (firstWarning == null || r.raised().isBefore(firstWarning))) {
                    firstWarning = r.raised();
                    text = r.kind() + " " + r.source() + ": " + r.text();
                }
            }
            TruthEvent hard = null;
            TruthEvent consequence = null;
            for (TruthEvent e : truth) {
                if (!e.scenarioId().equals(start.scenarioId()) || !"CROSS".equals(e.event()) || !e.hardLimit()) continue;
                if (hard == null) hard = e;
                if (consequence == null && e.simSeconds() - start.simSeconds() > INJECTED_SECONDS) consequence = e;
            }
            results.add(new ScenarioResult(start.scenarioId(), start.scenario(), start.target(), start.time(), firstWarning,
                    text, hard == null ? null : hard.time(), hard == null ? null : hard.tag() + " " + hard.limit(),
                    consequence == null ? null : consequence.time(),
                    consequence == null ? null : consequence.tag() + " " + consequence.limit()));
        }
        int ttt = OnlineTimeToThreshold.withDefaults(plant.plant().tags(), NO_TTT).watched();
        return new Result(results, day, isTrue, normal, models.size(), ttt, plant.rules().size(), consoleRules.size());
    }

    private static final OnlineTimeToThreshold.Sink NO_TTT = new OnlineTimeToThreshold.Sink() {
        @Override public void raise(ThresholdWarning w) { }
        @Override public void update(ThresholdWarning w) { }
        @Override public void clear(String tag, long t) { }
    };

    /** One simulated run through the online early warning; returns the warnings raised, in order. */
    static List<Raised> simulate(PlantDefinition plant, Map<String, EarlyWarningModel> models, long seed, Instant start,
                                 double hours, List<ScenarioSpec> scenarios, List<TruthEvent> truth,
                                 List<PlantDefinition.RuleDef> consoleRules) {
        PlantDynamics dyn = new PlantDynamics(plant, seed, start);
        dyn.onTruth(truth::add);
        scenarios.forEach(dyn::schedule);
        List<Raised> raised = new ArrayList<>();
        Map<String, TagDef> tags = new java.util.HashMap<>();
        plant.plant().tags().forEach(t -> tags.put(t.id(), t));
        Map<String, Integer> open = new java.util.HashMap<>();
        OnlineTimeToThreshold ttt = OnlineTimeToThreshold.withDefaults(plant.plant().tags(), new OnlineTimeToThreshold.Sink() {
            @Override
            public void raise(ThresholdWarning w) {
                open.put("TTT " + w.tag(), raised.size());
                raised.add(new Raised("TTT", w.tag(), tags.get(w.tag()).area(), Instant.ofEpochMilli(w.evaluatedAtMillis()),
                        null, String.format(Locale.ROOT, "%s %.4g predicted at %s", w.limitName(), w.limitValue(),
                        Instant.ofEpochMilli(w.predictedCrossingMillis()))));
            }

            @Override
            public void update(ThresholdWarning w) {
            }

            @Override
            public void clear(String tag, long timeMillis) {
                close(raised, open.remove("TTT " + tag), timeMillis);
            }
        });
        OnlineAssetWarnings assets = new OnlineAssetWarnings(models, plant.plant().tags(),
                OnlineAssetWarnings.DEFAULT_PERIOD_MILLIS, new OnlineAssetWarnings.Sink() {
                    @Override
                    public void raise(String asset, Warning w) {
                        open.put("MV " + asset, raised.size());
                        String top = w.contributors().isEmpty() ? "" : w.contributors().get(0).tag();
                        TagDef t = tags.get(top);
                        raised.add(new Raised("MV", asset, t == null ? "" : t.area(), Instant.ofEpochMilli(w.timeMillis()),
                                null, w.describe(3)));
                    }

                    @Override
                    public void clear(String asset, long timeMillis) {
                        close(raised, open.remove("MV " + asset), timeMillis);
                    }

                    @Override
                    public void frozen(String asset, String tag, long timeMillis, double value, long frozenForMillis,
                                       long normalMaxMillis) {
                        open.put("FRZ " + tag, raised.size());
                        TagDef t = tags.get(tag);
                        raised.add(new Raised("FRZ", tag, t == null ? "" : t.area(), Instant.ofEpochMilli(timeMillis), null,
                                String.format(Locale.ROOT, "the same value %.4g for %d s (normal operation: at most %d s)",
                                        value, frozenForMillis / 1000, normalMaxMillis / 1000)));
                    }

                    @Override
                    public void thawed(String asset, String tag, long timeMillis) {
                        close(raised, open.remove("FRZ " + tag), timeMillis);
                    }
                });
        // the plant's composite rules and the console's, with an operator at the console (a staffed control room)
        List<OnlineCompositeRules.Definition> ruleDefs = new ArrayList<>();
        Map<String, PlantDefinition.RuleDef> defs = new java.util.HashMap<>();
        try {
            ruleDefs.addAll(CompositeRuleAlarms.compile(plant));
        } catch (PlantFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (PlantDefinition.RuleDef d : consoleRules) {
            try {
                ruleDefs.add(com.vigil.app.runtime.RuleBook.runnable(plant, d));
            } catch (CompositeRuleAlarms.RuleProblem e) {
                throw new IllegalArgumentException("console rule " + d.id() + ": " + e.getMessage(), e);
            }
            defs.put(d.id(), d);
        }
        OnlineCompositeRules rules = new OnlineCompositeRules(ruleDefs, new OnlineCompositeRules.Sink() {
            @Override
            public void raise(String ruleId, long timeMillis, double value) {
                PlantDefinition.RuleDef def = plant.rule(ruleId).orElseGet(() -> defs.get(ruleId));
                String tag = CompositeRuleAlarms.displayTag(def, ruleDefs.stream().filter(d -> d.id().equals(ruleId))
                        .findFirst().orElseThrow().rule());
                TagDef t = tags.get(tag);
                open.put("RULE " + ruleId, raised.size());
                raised.add(new Raised("RULE", tag, t == null ? "" : t.area(), Instant.ofEpochMilli(timeMillis), null,
                        ruleId + ": " + def.message("en")));
            }

            @Override
            public void clear(String ruleId, long timeMillis) {
                close(raised, open.remove("RULE " + ruleId), timeMillis);
            }
        });
        rules.setVariable(OnlineCompositeRules.OPERATOR_PRESENT, true);
        List<SampleBatchListener> listeners = List.of(ttt, assets, rules);
        SimulatedPlantFeed.run(dyn, hours * 3600, listeners);
        return raised;
    }

    private static void close(List<Raised> raised, Integer index, long timeMillis) {
        if (index == null) return;
        Raised r = raised.get(index);
        raised.set(index, new Raised(r.kind(), r.source(), r.area(), r.raised(), Instant.ofEpochMilli(timeMillis), r.text()));
    }

    private static boolean matches(Raised r, List<TruthEvent> truth, double hours) {
        for (TruthEvent s : truth) {
            if (!"START".equals(s.event())) continue;
            Instant end = truth.stream().filter(e -> e.scenarioId().equals(s.scenarioId()) && "END".equals(e.event()))
                    .map(TruthEvent::time).findFirst().orElse(Instant.MAX);
            if (!r.raised().isBefore(s.time()) && !r.raised().isAfter(end) && belongs(r, s, truth)) return true;
        }
        return false;
    }

    /** The warning is about the scenario's target equipment, or about a tag that crossed a limit in it. */
    private static boolean belongs(Raised r, TruthEvent start, List<TruthEvent> truth) {
        String target = start.target() == null ? "" : start.target();
        String source = r.source();
        // asset ids are AREA.EQUIPMENT; tag ids start with them (RX.R201.TT)
        if (!target.isEmpty() && (source.equals(target) || source.startsWith(target + ".") || target.startsWith(source + "."))) {
            return true;
        }
        if (r.text() != null && !target.isEmpty() && r.text().contains(target + ".")) {
            return true; // an asset warning naming a tag of the target among its top contributors
        }
        return truth.stream().anyMatch(e -> e.scenarioId().equals(start.scenarioId()) && "CROSS".equals(e.event())
                && source.equals(e.tag()));
    }

    /** Prints the report and writes {@code warnings.csv} and {@code truth.csv} to {@code out} (when not null). */
    public static void report(Result r, Path out, PrintStream log) throws IOException {
        log.println("Scenario day: " + r.scenarioDay().size() + " warnings (" + r.falseOnScenarioDay() + " false); "
                + "normal day: " + r.normalDay().size() + " warnings (all false by definition)");
        log.println("Models: " + r.assetModels() + " assets (multivariate), " + r.tttTags() + " tags (time to threshold), "
                + r.plantRules() + " composite rules of the plant file, " + r.consoleRules() + " written in the console");
        for (ScenarioResult s : r.scenarios()) {
            log.printf(Locale.ROOT, "  %s %-16s %-10s start %s%n", s.id(), s.scenario(), s.target(), s.start());
            log.printf(Locale.ROOT, "     first warning        %s  %s%n", s.firstWarning(), s.firstWarningText() == null ? "-" : s.firstWarningText());
            log.printf(Locale.ROOT, "     first hard limit     %s  %s%n", s.firstHard(), s.firstHardTag() == null ? "-" : s.firstHardTag());
            log.printf(Locale.ROOT, "     first consequence    %s  %s  lead %.1f min%n", s.firstConsequence(),
                    s.firstConsequenceTag() == null ? "-" : s.firstConsequenceTag(), s.leadMinutes());
        }
        for (int i = 0; i < r.scenarioDay().size(); i++) {
            if (!r.scenarioDayTrue().get(i)) log.println("  false (scenario day): " + line(r.scenarioDay().get(i)));
        }
        for (Raised w : r.normalDay()) log.println("  false (normal day):   " + line(w));
        if (out != null) {
            Files.createDirectories(out);
            try (Writer w = Files.newBufferedWriter(out.resolve("warnings.csv"), StandardCharsets.UTF_8)) {
                w.write("day,kind,source,area,raised,cleared,true,text\n");
                for (int i = 0; i < r.scenarioDay().size(); i++) {
                    w.write(csv("scenario", r.scenarioDay().get(i), r.scenarioDayTrue().get(i)));
                }
                for (Raised x : r.normalDay()) w.write(csv("normal", x, false));
            }
        }
        log.printf(Locale.ROOT, "DEMO scenarios=%d warned_10min_before_consequence=%d/%d warnings=%d false=%d false_pct=%.2f normal_day_warnings=%d%n",
                r.scenarios().size(), r.warnedInTime(10), r.scenarios().size(), r.scenarioDay().size() + r.normalDay().size(),
                r.falseOnScenarioDay() + r.normalDay().size(), 100 * r.falseFraction(), r.normalDay().size());
    }

    private static String line(Raised w) {
        return w.kind() + " " + w.source() + " " + w.raised() + " .. " + (w.cleared() == null ? "end" : w.cleared()) + "  " + w.text();
    }

    private static String csv(String day, Raised w, boolean isTrue) {
        return day + "," + w.kind() + "," + w.source() + "," + w.area() + "," + w.raised() + ","
                + (w.cleared() == null ? "" : w.cleared()) + "," + isTrue + ",\"" + w.text().replace("\"", "\"\"") + "\"\n";
    }
}
