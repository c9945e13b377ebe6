package com.vigil.app.console;

import com.vigil.ui.kit.I18n;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule parser's "expected … but found …" phrases in the UI language. The parser (engine module) speaks English;
 * the console shows each phrase it knows from the bundles and any other one as the parser wrote it.
 */
final class RuleTexts {
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("a rule", "rule.expect.rule"),
            Map.entry("a condition", "rule.expect.condition"),
            Map.entry("'and', 'or', 'for' or end of rule", "rule.expect.andOrFor"),
            Map.entry("a duration such as 2m or 30s after 'for'", "rule.expect.forDuration"),
            Map.entry("'and' or 'or' between comparisons (a < b < c is not allowed)", "rule.expect.chained"),
            Map.entry("')'", "rule.expect.rparen"),
            Map.entry("a time window such as 5m or 30s", "rule.expect.window"),
            Map.entry("a positive time window", "rule.expect.positiveWindow"),
            Map.entry("')' after the time window", "rule.expect.rparenWindow"),
            Map.entry("a number without unit (durations only go in functions and after 'for')", "rule.expect.plainNumber"),
            Map.entry("a number, tag, function or '('", "rule.expect.operand"),
            Map.entry("a number", "rule.expect.number"),
            Map.entry("a duration unit (ms, s, m, h)", "rule.expect.unit"),
            Map.entry("'==' (comparison)", "rule.expect.eq"),
            Map.entry("'!='", "rule.expect.ne"),
            Map.entry("a tag, number, operator or parenthesis", "rule.expect.token"));
    private static final Pattern FUNCTIONS = Pattern.compile("one of the functions (.*)");
    private static final Pattern FIRST_ARG = Pattern.compile("a tag name as first argument of (\\w+)\\(\\)");
    private static final Pattern COMMA = Pattern.compile("',' and a time window, e\\.g\\. (.*)");
    private static final Pattern TAG = Pattern.compile("tag '(.*)'");

    private RuleTexts() {
    }

    static String expected(I18n i18n, String phrase) {
        if (phrase == null) {
            return "";
        }
        String key = EXPECTED.get(phrase);
        if (key != null) {
            return i18n.t(key);
        }
        Matcher m;
        if ((m = FUNCTIONS.matcher(phrase)).matches()) {
            return i18n.t("rule.expect.function", m.group(1));
        }
        if ((m = FIRST_ARG.matcher(phrase)).matches()) {
            return i18n.t("rule.expect.firstArg", m.group(1));
        }
        if ((m = COMMA.matcher(phrase)).matches()) {
            return i18n.t("rule.expect.comma", m.group(1));
        }
        return phrase;
    }

    /** Why the rule {@code ruleId} cannot run, in the UI language. */
    static String problem(I18n i18n, String ruleId, com.vigil.app.runtime.CompositeRuleAlarms.RuleProblem r) {
        return switch (r.kind()) {
            case ID_IN_PLANT_FILE -> i18n.t("ew.rule.err.idInPlantFile", ruleId);
            case SYNTAX -> i18n.t("ew.rule.err.syntax", r.line(), r.column(), expected(i18n, r.expected()), found(i18n, r.found()));
            case UNKNOWN_TAG -> i18n.t("ew.rule.err.unknownTag", r.line(), r.column(), r.tag());
            case NO_PLANT_TAG -> i18n.t("ew.rule.err.noPlantTag");
            case UNKNOWN_DISPLAY_TAG -> i18n.t("ew.rule.err.displayTag", r.tag());
        };
    }

    static String found(I18n i18n, String phrase) {
        if (phrase == null) {
            return "";
        }
        if (phrase.equals("end of rule")) {
            return i18n.t("rule.found.end");
        }
        if (phrase.equals("an empty rule") || phrase.equals("nothing")) {
            return i18n.t("rule.found.empty");
        }
        Matcher m = TAG.matcher(phrase);
        return m.matches() ? i18n.t("rule.found.tag", m.group(1)) : phrase;
    }
}
