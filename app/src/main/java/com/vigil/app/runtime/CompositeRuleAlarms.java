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
    private final java.util.Map<String, String> tagOf = new java.util.HashMap<>();

    public CompositeRuleAlarms(AlarmEngine engine, PlantDefinition plant, List<OnlineCompositeRules.Definition> rules) {
        this.engine = engine;
        this.plant = plant;
        for (OnlineCompositeRules.Definition d : rules) {
            tagOf.put(d.id(), displayTag(plant.rule(d.id()).orElseThrow(), d.rule()));
        }
    }

    /** The tag a rule's alarm is shown on: the rule's {@code tag}, or the first plant tag it reads. */
    public static String displayTag(PlantDefinition.RuleDef def, Rule rule) {
        return def.tag() != null ? def.tag() : rule.tags().stream()
                .filter(t -> !OnlineCompositeRules.BUILT_INS.contains(t)).findFirst().orElse(def.id());
    }

    /**
     * Parses and checks every rule of the plant. A mistake names the plant file, the line of the rule's
     * {@code when}, the field, and the line and column inside the condition with what was expected; a tag the
     * plant does not have is named with its position.
     */
    public static List<OnlineCompositeRules.Definition> compile(PlantDefinition plant) throws PlantFileException {
        List<OnlineCompositeRules.Definition> out = new ArrayList<>();
        for (PlantDefinition.RuleDef def : plant.rules()) {
            String field = def.field() + ".when";
            Rule rule;
            try {
                rule = RuleParser.parse(def.when());
            } catch (RuleParseException e) {
                // a template's rule is parsed after ${var} substitution: show the text the position refers to
                throw new PlantFileException(def.file(), def.whenLine(), field,
                        "rule '" + def.id() + "', " + e.getMessage() + substituted(def), e);
            }
            for (String tag : rule.tags()) {
                if (!OnlineCompositeRules.BUILT_INS.contains(tag) && plant.plant().tag(tag).isEmpty()) {
                    throw new PlantFileException(def.file(), def.whenLine(), field, "rule '" + def.id() + "', "
                            + position(def.when(), tag) + ": unknown tag '" + tag + "' (not in the plant; built-in: "
                            + String.join(", ", OnlineCompositeRules.BUILT_INS) + ")" + substituted(def), null);
                }
            }
            if (rule.tags().stream().allMatch(OnlineCompositeRules.BUILT_INS::contains)) {
                throw new PlantFileException(def.file(), def.whenLine(), field, "rule '" + def.id()
                        + "' reads no plant tag; a rule watches the plant", null);
            }
            out.add(new OnlineCompositeRules.Definition(def.id(), rule, displayTag(def, rule)));
        }
        return out;
    }

    /** A template's rule is parsed after ${var} substitution: the text a position refers to. */
    private static String substituted(PlantDefinition.RuleDef def) {
        return def.field().startsWith("templates.") ? " (in \"" + def.when() + "\")" : "";
    }

    /** "line L, column C" of the first whole-word occurrence of {@code tag} in the rule text. */
    static String position(String text, String tag) {
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
        return "line " + line + ", column " + col;
    }

    @Override
    public void raise(String ruleId, long timeMillis, double value) {
        PlantDefinition.RuleDef def = plant.rule(ruleId).orElseThrow();
        String tag = tagOf.get(ruleId);
        String area = plant.plant().tag(tag).map(t -> t.area()).orElse("");
        engine.raiseExternal(new ExternalAlarm(ID_PREFIX + ruleId, tag, AlarmType.EXTERNAL, Priority.ofGrade(def.grade()),
                area, PREFIX + ruleId, def.guidance("en")), Instant.ofEpochMilli(timeMillis), value);
    }

    @Override
    public void clear(String ruleId, long timeMillis) {
        engine.clearExternal(ID_PREFIX + ruleId, Instant.ofEpochMilli(timeMillis));
    }
}
