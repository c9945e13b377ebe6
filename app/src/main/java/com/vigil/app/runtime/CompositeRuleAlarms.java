package com.vigil.app.runtime;

import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmType;
import com.vigil.alarm.ExternalAlarm;
import com.vigil.model.Priority;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.warning.online.OnlineCompositeRules;
import com.vigil.warning.rules.Rule;
import com.vigil.warning.rules.RuleParseException;
import com.vigil.warning.rules.RuleParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plant file's composite rules enter the alarm engine as ordinary alarms ({@code RULE:<id>}, the rule's grade,
 * on the rule's tag) — acknowledged, shelved and counted like any other. The description is {@code RULE|<id>};
 * the UI shows the rule's message and guidance in the operator's language from the plant definition.
 */
public final class CompositeRuleAlarms implements OnlineCompositeRules.Sink {
    public static final String ID_PREFIX = "RULE:";
    public static final String PREFIX = "RULE|";

    private final AlarmEngine engine;
    private final PlantDefinition plant;
    private final java.util.function.Function<String, java.util.Optional<PlantDefinition.RuleDef>> lookup;
    private volatile java.util.Map<String, String> tagOf = java.util.Map.of();

    /** The plant file's rules only. */
    public CompositeRuleAlarms(AlarmEngine engine, PlantDefinition plant, List<OnlineCompositeRules.Definition> rules) {
        this(engine, plant, plant::rule);
        running(rules);
    }

    /**
     * @param lookup a rule's definition by id (the plant file's and the console's rules, switched off ones too, so an
     *               alarm raised before a change still finds its texts)
     */
    public CompositeRuleAlarms(AlarmEngine engine, PlantDefinition plant,
                               java.util.function.Function<String, java.util.Optional<PlantDefinition.RuleDef>> lookup) {
        this.engine = engine;
        this.plant = plant;
        this.lookup = lookup;
    }

    /** The rules now running: the tag each one's alarm is shown on. */
    public void running(List<OnlineCompositeRules.Definition> rules) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (OnlineCompositeRules.Definition d : rules) {
            m.put(d.id(), d.valueTag());
        }
        tagOf = m;
    }

    /** The tag a rule's alarm is shown on: the rule's {@code tag}, or the first plant tag it reads. */
    public static String displayTag(PlantDefinition.RuleDef def, Rule rule) {
        return def.tag() != null ? def.tag() : rule.tags().stream()
                .filter(t -> !OnlineCompositeRules.BUILT_INS.contains(t)).findFirst().orElse(def.id());
    }

    /**
     * Why a rule cannot run: the condition does not parse (line and column in the condition, what was expected and
     * what was found), reads a tag the plant does not have, reads no plant tag, names an unknown tag to be shown on,
     * or (a console rule) has the id of a plant-file rule.
     */
    public static final class RuleProblem extends Exception {
        private static final long serialVersionUID = 1L;

        /** ID_IN_PLANT_FILE: a console rule whose id the plant file's rules also use (the plant file's runs). */
        public enum Kind { SYNTAX, UNKNOWN_TAG, NO_PLANT_TAG, UNKNOWN_DISPLAY_TAG, ID_IN_PLANT_FILE }

        private final Kind kind;
        private final int line;
        private final int column;
        private final String expected;
        private final String found;
        private final String tag;

        RuleProblem(Kind kind, int line, int column, String expected, String found, String tag, String message,
                    Throwable cause) {
            super(message, cause);
            this.kind = kind;
            this.line = line;
            this.column = column;
            this.expected = expected;
            this.found = found;
            this.tag = tag;
        }

        public Kind kind() { return kind; }
        /** 1-based line in the condition (0 when the problem is not in the condition). */
        public int line() { return line; }
        public int column() { return column; }
        public String expected() { return expected; }
        public String found() { return found; }
        /** The tag concerned (unknown tags), else null. */
        public String tag() { return tag; }
    }

    /** Parses and checks one rule against the plant; the definition that runs it. */
    public static OnlineCompositeRules.Definition check(PlantDefinition plant, PlantDefinition.RuleDef def) throws RuleProblem {
        Rule rule;
        try {
            rule = RuleParser.parse(def.when());
        } catch (RuleParseException e) {
            throw new RuleProblem(RuleProblem.Kind.SYNTAX, e.line(), e.column(), e.expected(), e.found(), null,
                    e.getMessage(), e);
        }
        for (String tag : rule.tags()) {
            if (!OnlineCompositeRules.BUILT_INS.contains(tag) && plant.plant().tag(tag).isEmpty()) {
                int[] at = position(def.when(), tag);
                throw new RuleProblem(RuleProblem.Kind.UNKNOWN_TAG, at[0], at[1], null, null, tag, "line " + at[0]
                        + ", column " + at[1] + ": unknown tag '" + tag + "' (not in the plant; built-in: "
                        + String.join(", ", OnlineCompositeRules.BUILT_INS) + ")", null);
            }
        }
        if (rule.tags().stream().allMatch(OnlineCompositeRules.BUILT_INS::contains)) {
            throw new RuleProblem(RuleProblem.Kind.NO_PLANT_TAG, 0, 0, null, null, null,
                    "reads no plant tag; a rule watches the plant", null);
        }
        if (def.tag() != null && plant.plant().tag(def.tag()).isEmpty()) {
            throw new RuleProblem(RuleProblem.Kind.UNKNOWN_DISPLAY_TAG, 0, 0, null, null, def.tag(),
                    "the tag to show the alarm on, '" + def.tag() + "', is not in the plant", null);
        }
        return new OnlineCompositeRules.Definition(def.id(), rule, displayTag(def, rule));
    }

    /**
     * Parses and checks every rule of the plant. A mistake names the plant file, the line of the rule's
     * {@code when}, the field, and the line and column inside the condition with what was expected; a tag the
     * plant does not have is named with its position.
     */
    public static List<OnlineCompositeRules.Definition> compile(PlantDefinition plant) throws PlantFileException {
        List<OnlineCompositeRules.Definition> out = new ArrayList<>();
        for (PlantDefinition.RuleDef def : plant.rules()) {
            try {
                out.add(check(plant, def));
            } catch (RuleProblem p) {
                String field = def.field() + (p.kind() == RuleProblem.Kind.UNKNOWN_DISPLAY_TAG ? ".tag" : ".when");
                String text = p.kind() == RuleProblem.Kind.NO_PLANT_TAG ? "rule '" + def.id() + "' " + p.getMessage()
                        : "rule '" + def.id() + "', " + p.getMessage() + substituted(def);
                throw new PlantFileException(def.file(), def.whenLine(), field, text, p.getCause());
            }
        }
        return out;
    }

    /** A template's rule is parsed after ${var} substitution: the text a position refers to. */
    private static String substituted(PlantDefinition.RuleDef def) {
        return def.field().startsWith("templates.") ? " (in \"" + def.when() + "\")" : "";
    }

    /** {line, column} (1-based) of the first whole-word occurrence of {@code tag} in the rule text. */
    static int[] position(String text, String tag) {
        Matcher m = Pattern.compile("(?<![\\w.:])" + Pattern.quote(tag) + "(?![\\w.:])").matcher(text);
        int at = m.find() ? m.start() : 0;
        int line = 1, col = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    @Override
    public void raise(String ruleId, long timeMillis, double value) {
        PlantDefinition.RuleDef def = lookup.apply(ruleId).orElseThrow(() -> new IllegalStateException("no rule " + ruleId));
        String tag = tagOf.getOrDefault(ruleId, def.tag() != null ? def.tag() : ruleId);
        String area = plant.plant().tag(tag).map(t -> t.area()).orElse("");
        engine.raiseExternal(new ExternalAlarm(ID_PREFIX + ruleId, tag, AlarmType.EXTERNAL, Priority.ofGrade(def.grade()),
                area, PREFIX + ruleId, def.guidance("en")), Instant.ofEpochMilli(timeMillis), value);
    }

    @Override
    public void clear(String ruleId, long timeMillis) {
        engine.clearExternal(ID_PREFIX + ruleId, Instant.ofEpochMilli(timeMillis));
    }
}
