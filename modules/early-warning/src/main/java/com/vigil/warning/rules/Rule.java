package com.vigil.warning.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed composite rule: a condition and an optional "for" duration (the condition must hold
 * continuously for that long). Create with {@link RuleParser#parse}; evaluate with {@link RuleEvaluator}.
 */
public record Rule(String text, Expr condition, long forMillis) {
    /** Tags the rule reads. */
    public List<String> tags() {
        List<String> out = new ArrayList<>();
        Expr.tags(condition, out);
        return out;
    }

    /** Longest history window a function in the rule needs. */
    public long maxWindowMillis() {
        return maxWindow(condition);
    }

    private static long maxWindow(Expr e) {
        if (e instanceof Expr.Call c) return c.windowMillis();
        if (e instanceof Expr.Unary u) return maxWindow(u.operand());
        if (e instanceof Expr.Binary b) return Math.max(maxWindow(b.left()), maxWindow(b.right()));
        return 0;
    }
}
