package com.vigil.warning.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTest {
    static final String EXAMPLE = "temp > 80 and rate(temp, 5m) > 0.5 and not operator_present for 2m";

    @Test
    void parsesTheExample() throws RuleParseException {
        Rule r = RuleParser.parse(EXAMPLE);
        assertEquals(120_000L, r.forMillis());
        assertEquals(List.of("temp", "operator_present"), r.tags());
        assertEquals(300_000L, r.maxWindowMillis());
    }

    @Test
    void precedenceAndArithmetic() throws RuleParseException {
        Rule r = RuleParser.parse("a + 2 * b > 10 or not (c == 1) and TF.T101.LT <= -3.5e0");
        Expr.Binary or = (Expr.Binary) r.condition();
        assertEquals("or", or.op());
        assertEquals("and", ((Expr.Binary) or.right()).op());
    }

    @Test
    void firesOnlyAfterTheConditionHeldForTheDuration() throws RuleParseException {
        RuleEvaluator ev = new RuleEvaluator(RuleParser.parse(EXAMPLE));
        long t0 = 0;
        boolean firedBefore = false;
        RuleEvaluator.Result last = null;
        for (int i = 0; i <= 66; i++) {            // 10 s steps, 11 minutes
            long t = t0 + i * 10_000L;
            double temp = 70 + i * (1.0 / 6);       // +1 per minute
            ev.accept(Sample.good("temp", t, temp));
            ev.accept(Sample.good("operator_present", t, 0));
            last = ev.evaluate(t);
            double minutes = i / 6.0;
            // temp > 80 after minute 10; fires 2 minutes later
            if (minutes < 10) firedBefore |= last.active();
        }
        assertFalse(firedBefore);
        assertTrue(Boolean.TRUE.equals(last.condition()));
        assertFalse(last.active(), "condition true only since minute 10: not yet 2 minutes");
        for (int i = 67; i <= 75; i++) {
            long t = i * 10_000L;
            ev.accept(Sample.good("temp", t, 70 + i / 6.0));
            ev.accept(Sample.good("operator_present", t, 0));
            last = ev.evaluate(t);
        }
        assertTrue(last.active());
        ev.accept(Sample.good("operator_present", 760_000L, 1));
        assertFalse(ev.evaluate(760_000L).active(), "operator present resets the rule");
    }

    @Test
    void badQualityIsUnknownNotFalseOrTrue() throws RuleParseException {
        RuleEvaluator ev = new RuleEvaluator(RuleParser.parse("p > 5 or q > 5"));
        ev.accept(new Sample("p", 0, 10, Quality.BAD));
        ev.accept(Sample.good("q", 0, 1));
        assertNull(ev.evaluate(0).condition());
        assertFalse(ev.evaluate(0).active());
        ev.accept(Sample.good("q", 1, 6));
        assertTrue(ev.evaluate(1).active(), "true or unknown is true");
    }

    @Test
    void windowFunctions() throws RuleParseException {
        RuleEvaluator ev = new RuleEvaluator(RuleParser.parse("avg(x, 1m) == 2 and min(x, 1m) == 1 and max(x, 1m) == 3 and delta(x, 1m) == 2"));
        ev.accept(Sample.good("x", 0, 1));
        ev.accept(Sample.good("x", 30_000, 2));
        ev.accept(Sample.good("x", 60_000, 3));
        assertTrue(ev.evaluate(60_000).active());
    }

    private static RuleParseException fails(String text) {
        return assertThrows(RuleParseException.class, () -> RuleParser.parse(text));
    }

    @Test
    void parseErrorsSayWhereAndWhat() {
        RuleParseException e = fails("temp > 80 and\n  rate(temp 5m) > 1");
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertTrue(e.expected().contains("','"), e.getMessage());

        e = fails("temp > and x");
        assertEquals(1, e.line());
        assertEquals(8, e.column());
        assertTrue(e.getMessage().contains("expected a number, tag, function or '('"), e.getMessage());

        e = fails("temp > 80 for 2");
        assertTrue(e.expected().contains("duration"), e.getMessage());

        e = fails("foo(temp, 5m) > 1");
        assertTrue(e.expected().contains("rate"), e.getMessage());

        e = fails("temp > 5x");
        assertTrue(e.expected().contains("duration unit"), e.getMessage());

        e = fails("(temp > 1");
        assertTrue(e.expected().contains("')'"), e.getMessage());
        assertEquals("end of rule", e.found());

        e = fails("1 < temp < 3");
        assertEquals(10, e.column());

        e = fails("temp = 3");
        assertTrue(e.expected().contains("=="));

        e = fails("temp > 3; drop table");
        assertEquals(9, e.column());

        fails("");
    }
}
