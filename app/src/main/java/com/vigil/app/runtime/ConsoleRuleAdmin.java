package com.vigil.app.runtime;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditAction;
import com.vigil.accounts.AuditOutcome;
import com.vigil.accounts.ProtectedAction;
import com.vigil.accounts.Session;
import com.vigil.persistence.rules.ConsoleRuleRow;
import com.vigil.persistence.rules.ConsoleRuleStore;
import com.vigil.warning.online.OnlineCompositeRules;
import java.util.regex.Pattern;

/**
 * Writing composite rules in the console: an engineer or administrator checks a rule against the plant (the
 * condition's line and column with what was expected, unknown tags, the grade, a message), then saves it with a
 * comment — a configuration change in the audit trail with before and after. A saved rule runs at once on this
 * console and, within seconds, on every console sharing the database; switching a rule off clears its alarm.
 * The plant file's rules are not edited here.
 */
public final class ConsoleRuleAdmin {
    /** A rule id: letters, digits and {@code _ . : -}, starting with a letter or digit, at most 64 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleRuleAdmin.class);
    private final RuleBook book;

    public ConsoleRuleAdmin(RuleBook book) {
        this.book = book;
    }

    /**
     * What the engineer typed. {@code baseRevision}: the revision of the rule as loaded into the editor (0 for a new
     * rule), so a save over another console's newer change is refused instead of overwriting it.
     */
    public record Draft(String id, String when, int grade, String tag, String messageZh, String messageEn,
                        String guidanceZh, String guidanceEn, boolean enabled, long baseRevision) {
        public Draft {
            id = id == null ? "" : id.strip();
            when = when == null ? "" : when;
        }
    }

    /** What is wrong with a draft, by field; for the condition with the rule problem (line, column, expected). */
    public static final class DraftProblem extends Exception {
        private static final long serialVersionUID = 1L;

        public enum Kind { ID_INVALID, ID_IN_PLANT_FILE, GRADE, NO_MESSAGE, RULE }

        private final Kind kind;
        private final transient CompositeRuleAlarms.RuleProblem rule;

        DraftProblem(Kind kind, String message, CompositeRuleAlarms.RuleProblem rule) {
            super(message, rule);
            this.kind = kind;
            this.rule = rule;
        }

        public Kind kind() { return kind; }
        /** The condition's problem (kind RULE), else null. */
        public CompositeRuleAlarms.RuleProblem rule() { return rule; }
    }

    /** Whether the session may write rules (the editor's state; {@link #save} checks again). */
    public static boolean allowed(AccountService accounts, Session session) {
        return AssetModelAdmin.allowed(accounts, session); // both are configuration changes
    }

    /**
     * Checks a draft against the plant without saving anything: the definition that would run, or null for a
     * switched-off draft that parses but that this plant could not run (it may be saved switched off).
     */
    public OnlineCompositeRules.Definition check(Draft d) throws DraftProblem {
        if (!ID.matcher(d.id()).matches()) {
            throw new DraftProblem(DraftProblem.Kind.ID_INVALID, "the id '" + d.id() + "' is not valid: letters, digits "
                    + "and _ . : -, starting with a letter or digit, at most 64 characters", null);
        }
        if (book.inPlantFile(d.id())) {
            throw new DraftProblem(DraftProblem.Kind.ID_IN_PLANT_FILE, "the plant file has a rule '" + d.id()
                    + "'; choose another id (the plant file's rules are changed in the plant file)", null);
        }
        if (d.grade() < 1 || d.grade() > 4) {
            throw new DraftProblem(DraftProblem.Kind.GRADE, "the grade must be 1 to 4, not " + d.grade(), null);
        }
        if (RuleBook.blankToNull(d.messageZh()) == null && RuleBook.blankToNull(d.messageEn()) == null) {
            throw new DraftProblem(DraftProblem.Kind.NO_MESSAGE, "a message is needed (Chinese or English): "
                    + "what the operator reads in the alarm list", null);
        }
        try {
            return CompositeRuleAlarms.check(book.plant(), RuleBook.toDef(row(d, "", 0)));
        } catch (CompositeRuleAlarms.RuleProblem p) {
            if (!d.enabled() && p.kind() != CompositeRuleAlarms.RuleProblem.Kind.SYNTAX) {
                return null; // a rule this plant cannot run can still be switched off (it must still parse)
            }
            throw new DraftProblem(DraftProblem.Kind.RULE, "rule '" + d.id() + "', " + p.getMessage(), p);
        }
    }

    /**
     * Checks and saves the rule, then runs the new set on this console. Nothing is saved when the draft has a problem
     * (thrown, not audited: nothing was changed) or the role may not; a database failure or a concurrent change by
     * another console is audited FAILED and thrown, and the running rules stay as they were.
     *
     * @throws com.vigil.accounts.AccessDeniedException not allowed (audited by the account service)
     * @throws IllegalArgumentException no comment
     * @throws IllegalStateException the database is not open yet
     */
    public ConsoleRuleRow save(AccountService accounts, Session session, Draft d, String comment) throws DraftProblem {
        String target = "composite rule " + d.id();
        accounts.require(session, ProtectedAction.CONFIG_CHANGE, target);
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a comment is required: why the rule is written or changed");
        }
        check(d);
        ConsoleRuleStore store = book.store();
        if (store == null) {
            throw new IllegalStateException("the database is not open yet; try again in a moment");
        }
        ConsoleRuleRow before = store.find(d.id()).orElse(null);
        ConsoleRuleRow saved;
        try {
            saved = store.save(row(d, session.userName(), System.currentTimeMillis()), d.baseRevision());
        } catch (RuntimeException e) {
            accounts.audit().append(session.actor().user(), session.actor().role(), AuditAction.CONFIG_CHANGE,
                    AuditOutcome.FAILED, target, describe(before), null, comment + " (" + e.getMessage() + ")");
            throw e;
        }
        // committed: from here on the change is done, whatever follows
        accounts.audit().record(session.actor(), AuditAction.CONFIG_CHANGE, target, describe(before), describe(saved),
                comment);
        try {
            book.reload();
        } catch (RuntimeException e) {
            // saved and audited; the next poll (within 5 s) runs it
            LOG.warn("rule {} saved; running it now failed, the next check of the database will: {}", d.id(), e.toString());
        }
        return saved;
    }

    private static ConsoleRuleRow row(Draft d, String by, long at) {
        return new ConsoleRuleRow(d.id(), d.when().strip(), d.grade(), RuleBook.blankToNull(d.tag()),
                RuleBook.blankToNull(d.messageZh()), RuleBook.blankToNull(d.messageEn()),
                RuleBook.blankToNull(d.guidanceZh()), RuleBook.blankToNull(d.guidanceEn()), d.enabled(), 0, by, at);
    }

    private static String both(String zh, String en) {
        return (zh == null ? "" : zh) + " / " + (en == null ? "" : en);
    }

    /** For the audit trail. */
    static String describe(ConsoleRuleRow r) {
        if (r == null) {
            return "none";
        }
        return (r.enabled() ? "on" : "off") + ", grade " + r.grade() + ", when: " + r.when().replaceAll("\\s+", " ")
                + (r.tag() == null ? "" : ", shown on " + r.tag()) + ", message: " + both(r.messageZh(), r.messageEn())
                + ", guidance: " + both(r.guidanceZh(), r.guidanceEn())
                + " (revision " + r.revision() + ")";
    }
}
