package com.vigil.warning.rules;

import com.vigil.model.Sample;
import com.vigil.warning.trend.RobustTrend;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Evaluates one {@link Rule} over a stream of samples. Values of tags without a good sample are
 * <em>unknown</em>; logic is three-valued (Kleene), and the rule fires only when its condition is
 * definitely true (for at least {@code forMillis}). Not thread-safe.
 */
public final class RuleEvaluator {
    /**
     * Points used by {@code rate} (Theil–Sen is O(n²)): a window is thinned evenly to this many, e.g. one point
     * every 5 s over 5 min. Rules run on every batch of the live stream, so this keeps them cheap.
     */
    public static final int RATE_POINTS = 60;

    private final Rule rule;
    private final Map<String, ArrayDeque<Sample>> history = new HashMap<>();
    private final long keepMillis;
    private long trueSince = Long.MIN_VALUE;

    /** Result of one evaluation: the condition value (null = unknown) and whether the rule fires. */
    public record Result(Boolean condition, boolean active, long trueSinceMillis) { }

    public RuleEvaluator(Rule rule) {
        this.rule = rule;
        this.keepMillis = Math.max(rule.maxWindowMillis(), 1);
        for (String t : rule.tags()) history.put(t, new ArrayDeque<>());
    }

    public Rule rule() {
        return rule;
    }

    /** Records a sample; samples of tags the rule does not read are ignored. */
    public void accept(Sample s) {
        ArrayDeque<Sample> h = history.get(s.tag());
        if (h == null) return;
        if (!h.isEmpty() && s.timeMillis() < h.peekLast().timeMillis()) {
            // out of order: a good value is dropped; a bad one (e.g. STALE stamped by another clock on communication
            // loss) still makes the value unknown, at the newest time
            if (s.quality().isGood()) return;
            s = new Sample(s.tag(), h.peekLast().timeMillis(), s.value(), s.quality());
        }
        h.addLast(s);
        // keep one sample older than the window as the value at the window start
        while (h.size() > 2) {
            Iterator<Sample> it = h.iterator();
            it.next();
            Sample second = it.next();
            if (second.timeMillis() <= s.timeMillis() - keepMillis) h.removeFirst();
            else break;
        }
    }

    /** The newest good value of a tag the rule reads, or NaN. */
    public double lastGoodValue(String tag) {
        ArrayDeque<Sample> h = history.get(tag);
        if (h == null) return Double.NaN;
        for (Iterator<Sample> it = h.descendingIterator(); it.hasNext(); ) {
            Sample s = it.next();
            if (s.quality().isGood() && Double.isFinite(s.value())) return s.value();
        }
        return Double.NaN;
    }

    /** Evaluates the rule at time {@code now} (normally the time of the newest sample). */
    public Result evaluate(long now) {
        Object v = eval(rule.condition(), now);
        Boolean cond = truth(v);
        if (Boolean.TRUE.equals(cond)) {
            if (trueSince == Long.MIN_VALUE) trueSince = now;
        } else {
            trueSince = Long.MIN_VALUE;
        }
        boolean active = trueSince != Long.MIN_VALUE && now - trueSince >= rule.forMillis();
        return new Result(cond, active, trueSince);
    }

    private static Boolean truth(Object v) {
        if (v instanceof Boolean b) return b;
        if (v instanceof Double d) return Double.isNaN(d) ? null : d != 0;
        return null;
    }

    private static Double number(Object v) {
        if (v instanceof Double d) return Double.isNaN(d) ? null : d;
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        return null;
    }

    /** Returns Double, Boolean or null (unknown). */
    private Object eval(Expr e, long now) {
        if (e instanceof Expr.Num n) return n.value();
        if (e instanceof Expr.Bool b) return b.value();
        if (e instanceof Expr.Tag t) {
            ArrayDeque<Sample> h = history.get(t.id());
            if (h == null || h.isEmpty()) return null;
            Sample s = h.peekLast();
            return s.quality().isGood() && Double.isFinite(s.value()) ? s.value() : null;
        }
        if (e instanceof Expr.Call c) return call(c, now);
        if (e instanceof Expr.Unary u) {
            Object v = eval(u.operand(), now);
            if (u.op().equals("not")) {
                Boolean b = truth(v);
                return b == null ? null : !b;
            }
            Double d = number(v);
            return d == null ? null : -d;
        }
        Expr.Binary b = (Expr.Binary) e;
        switch (b.op()) {
            case "and" -> {
                Boolean l = truth(eval(b.left(), now));
                if (Boolean.FALSE.equals(l)) return false;
                Boolean r = truth(eval(b.right(), now));
                if (Boolean.FALSE.equals(r)) return false;
                return l == null || r == null ? null : true;
            }
            case "or" -> {
                Boolean l = truth(eval(b.left(), now));
                if (Boolean.TRUE.equals(l)) return true;
                Boolean r = truth(eval(b.right(), now));
                if (Boolean.TRUE.equals(r)) return true;
                return l == null || r == null ? null : false;
            }
            default -> {
                Double l = number(eval(b.left(), now)), r = number(eval(b.right(), now));
                if (l == null || r == null) return null;
                return switch (b.op()) {
                    case "+" -> l + r;
                    case "-" -> l - r;
                    case "*" -> l * r;
                    case "/" -> r == 0 ? null : l / r;
                    case ">" -> l > r;
                    case ">=" -> l >= r;
                    case "<" -> l < r;
                    case "<=" -> l <= r;
                    case "==" -> l.doubleValue() == r.doubleValue();
                    case "!=" -> l.doubleValue() != r.doubleValue();
                    default -> throw new IllegalStateException("operator " + b.op());
                };
            }
        }
    }

    private Object call(Expr.Call c, long now) {
        ArrayDeque<Sample> h = history.get(c.tag());
        if (h == null) return null;
        long from = now - c.windowMillis();
        int n = 0;
        for (Sample s : h) if (s.timeMillis() >= from && s.timeMillis() <= now && s.quality().isGood() && Double.isFinite(s.value())) n++;
        if (n == 0) return null;
        long[] t = new long[n];
        double[] y = new double[n];
        int k = 0;
        for (Sample s : h) {
            if (s.timeMillis() >= from && s.timeMillis() <= now && s.quality().isGood() && Double.isFinite(s.value())) {
                t[k] = s.timeMillis();
                y[k++] = s.value();
            }
        }
        switch (c.function()) {
            case "avg": {
                double sum = 0;
                for (double v : y) sum += v;
                return sum / n;
            }
            case "min": {
                double m = Double.POSITIVE_INFINITY;
                for (double v : y) m = Math.min(m, v);
                return m;
            }
            case "max": {
                double m = Double.NEGATIVE_INFINITY;
                for (double v : y) m = Math.max(m, v);
                return m;
            }
            case "delta":
                return n < 2 ? null : y[n - 1] - y[0];
            case "rate": {
                if (n < 3) return null;
                RobustTrend tr = RobustTrend.fit(t, y, RATE_POINTS);
                return tr == null ? null : tr.slopePerMinute();
            }
            default:
                throw new IllegalStateException("function " + c.function());
        }
    }
}
