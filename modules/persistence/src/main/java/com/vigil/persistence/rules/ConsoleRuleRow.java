package com.vigil.persistence.rules;

/**
 * A composite rule written in the console: its id, the condition text (rule language of the early-warning module,
 * checked there), the alarm grade 1–4, the tag the alarm is shown on (null: the first tag the rule reads), message
 * and guidance in Chinese and English, whether it runs, the table revision of its last save, who saved it and when.
 */
public record ConsoleRuleRow(String id, String when, int grade, String tag, String messageZh, String messageEn,
                             String guidanceZh, String guidanceEn, boolean enabled, long revision, String changedBy,
                             long changedMillis) {
}
