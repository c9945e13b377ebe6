package com.vigil.warning.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.warning.rules.RuleParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineCompositeRulesTest {
    static final long T0 = 1_700_000_000_000L;

    /** Records what the rules raise and clear. */
    static final class Events implements OnlineCompositeRules.Sink {
        final List<String> log = new ArrayList<>();

        @Override
        public void raise(String ruleId, long timeMillis, double value) {
            log.add("raise " + ruleId + " +" + (timeMillis - T0) / 1000 + "s " + value);
        }

        @Override
        public void clear(String ruleId, long timeMillis) {
            log.add("clear " + ruleId + " +" + (timeMillis - T0) / 1000 + "s");
        }
    }

    static OnlineCompositeRules rules(Events sink, String id, String text) throws Exception {
        return new OnlineCompositeRules(List.of(new OnlineCompositeRules.Definition(id, RuleParser.parse(text))), sink);
    }

    static void feed(OnlineCompositeRules r, int second, double temp) {
        r.onBatch(List.of(Sample.good("temp", T0 + second * 1000L, temp)));
    }

    @Test
    void raisesOnlyAfterTheForDurationAndClearsAfterTheConditionIsFalseForTheClearDelay() throws Exception {
        Events ev = new Events();
        OnlineCompositeRules r = rules(ev, "hot", "temp > 80 for 30s");
        for (int s = 0; s < 10; s++) feed(r, s, 70);
        for (int s = 10; s < 35; s++) feed(r, s, 85);
        assertEquals(List.of(), ev.log, "true for 24 s only");
        feed(r, 35, 60); // a dip restarts the 30 s
        for (int s = 36; s < 66; s++) feed(r, s, 85);
        assertEquals(List.of(), ev.log);
        feed(r, 66, 86);
        assertEquals(List.of("raise hot +66s 86.0"), ev.log, "true since 36 s, raised at 66 s with the value");
        for (int s = 67; s < 80; s++) feed(r, s, 70);
        assertEquals(1, ev.log.size(), "false for 13 s < the clear delay (30 s, the for time)");
        feed(r, 80, 90);
        for (int s = 81; s < 111; s++) feed(r, s, 70);
        assertEquals(1, ev.log.size(), "false again since 81 s: 29 s");
        feed(r, 111, 70);
        assertEquals("clear hot +111s", ev.log.get(1));
        assertFalse(r.status().get(0).raised());
    }

    @Test
    void unknownValuesNeitherRaiseNorClear() throws Exception {
        Events ev = new Events();
        OnlineCompositeRules r = rules(ev, "hot", "temp > 80");
        feed(r, 0, 90);
        assertEquals(List.of("raise hot +0s 90.0"), ev.log, "no for: raised at once");
        for (int s = 1; s < 120; s++) {
            r.onBatch(List.of(new Sample("temp", T0 + s * 1000L, Double.NaN, Quality.BAD)));
        }
        assertEquals(1, ev.log.size(), "a bad value is unknown, the rule stays raised");
        assertEquals(null, r.status().get(0).condition());
        for (int s = 120; s < 129; s++) feed(r, s, 50);
        assertEquals(1, ev.log.size(), "10 s minimum clear delay");
        feed(r, 130, 50);
        assertEquals("clear hot +130s", ev.log.get(1));
        for (int s = 131; s < 300; s++) {
            r.onBatch(List.of(new Sample("temp", T0 + s * 1000L, Double.NaN, Quality.STALE)));
        }
        assertEquals(2, ev.log.size(), "unknown never raises");
        // a STALE sample stamped by another (slower) clock still makes the value unknown
        feed(r, 300, 95);
        assertEquals(Boolean.TRUE, r.status().get(0).condition());
        r.onBatch(List.of(new Sample("temp", T0 + 100_000, Double.NaN, Quality.STALE)));
        assertEquals(null, r.status().get(0).condition(), "stale is unknown even when stamped earlier");
    }

    @Test
    void operatorPresentIsABuiltInTheConsoleSets() throws Exception {
        Events ev = new Events();
        OnlineCompositeRules r = rules(ev, "unattended", "temp > 80 and not operator_present for 2m");
        r.setVariable(OnlineCompositeRules.OPERATOR_PRESENT, true); // before any sample: takes effect with the first
        for (int s = 0; s < 600; s++) feed(r, s, 90);
        assertEquals(List.of(), ev.log, "hot but someone is at the console");
        // the variable takes the rules' time (the newest sample, 599 s), whatever the caller's clock says
        r.setVariable(OnlineCompositeRules.OPERATOR_PRESENT, false);
        for (int s = 600; s < 719; s++) feed(r, s, 90);
        assertEquals(List.of(), ev.log, "nobody there for 119 s");
        feed(r, 719, 90);
        assertEquals(List.of("raise unattended +719s 90.0"), ev.log, "2 min unattended; the value is the tag's, not the variable's");
        r.setVariable(OnlineCompositeRules.OPERATOR_PRESENT, true);
        for (int s = 720; s < 900; s++) feed(r, s, 90);
        assertEquals("clear unattended +839s", ev.log.get(1), "cleared 2 min after the operator came back");
        assertThrows(IllegalArgumentException.class, () -> r.setVariable("nobody_cares", true));
    }

    @Test
    void aRuleWhoseAlarmCannotBeRaisedIsTriedAgainAndDoesNotStopTheOthers() throws Exception {
        Events ev = new Events();
        int[] failures = {2};
        OnlineCompositeRules.Sink flaky = new OnlineCompositeRules.Sink() {
            @Override
            public void raise(String ruleId, long timeMillis, double value) {
                if (ruleId.equals("a") && failures[0]-- > 0) {
                    throw new IllegalStateException("journal busy");
                }
                ev.raise(ruleId, timeMillis, value);
            }

            @Override
            public void clear(String ruleId, long timeMillis) {
                ev.clear(ruleId, timeMillis);
            }
        };
        OnlineCompositeRules r = new OnlineCompositeRules(List.of(
                new OnlineCompositeRules.Definition("a", RuleParser.parse("temp > 80")),
                new OnlineCompositeRules.Definition("b", RuleParser.parse("temp > 85"))), flaky);
        feed(r, 0, 90);
        assertEquals(List.of("raise b +0s 90.0"), ev.log, "b raised although a failed");
        assertEquals("java.lang.IllegalStateException: journal busy", r.status().get(0).error());
        assertFalse(r.status().get(0).raised());
        feed(r, 1, 90);
        feed(r, 2, 90);
        assertEquals(List.of("raise b +0s 90.0", "raise a +2s 90.0"), ev.log, "a raised at the third try");
        assertEquals(null, r.status().get(0).error());
        assertTrue(r.status().get(0).raised());
    }

    @Test
    void rateAndOtherTagsComeFromTheSameBatches() throws Exception {
        Events ev = new Events();
        OnlineCompositeRules r = rules(ev, "runaway", "rate(temp, 5m) > 0.5 and flow < 45 for 1m");
        for (int s = 0; s < 1200; s++) {
            double temp = s < 600 ? 150 + 0.3 * Math.sin(s / 7.0) : 150 + (s - 600) / 60.0; // +1 °C/min from 10 min
            double flow = s < 600 ? 60 : 5;
            r.onBatch(List.of(Sample.good("temp", T0 + s * 1000L, temp), Sample.good("flow", T0 + s * 1000L, flow),
                    Sample.good("other", T0 + s * 1000L, 1)));
        }
        assertEquals(1, ev.log.size(), ev.log.toString());
        String raised = ev.log.get(0);
        int at = Integer.parseInt(raised.substring(raised.indexOf('+') + 1, raised.indexOf("s ")));
        assertTrue(at > 660 && at < 900, "the slope exceeds 0.5/min a few minutes into the rise, then 1 min: " + raised);
    }

    @Test
    void replacingTheSetKeepsUnchangedRulesAndClearsRemovedOrChangedOnes() throws Exception {
        Events ev = new Events();
        OnlineCompositeRules r = new OnlineCompositeRules(List.of(
                new OnlineCompositeRules.Definition("keep", RuleParser.parse("temp > 80")),
                new OnlineCompositeRules.Definition("change", RuleParser.parse("temp > 85")),
                new OnlineCompositeRules.Definition("drop", RuleParser.parse("temp > 70 and not operator_present"))), ev);
        r.setVariable(OnlineCompositeRules.OPERATOR_PRESENT, false);
        for (int s = 0; s < 5; s++) feed(r, s, 90);
        assertEquals(3, ev.log.size(), ev.log.toString());
        r.replace(List.of(
                new OnlineCompositeRules.Definition("keep", RuleParser.parse("temp > 80")),
                new OnlineCompositeRules.Definition("change", RuleParser.parse("temp > 88 for 10s")),
                new OnlineCompositeRules.Definition("new", RuleParser.parse("temp > 60 and not operator_present for 5s"))));
        assertEquals(List.of("clear change +4s", "clear drop +4s"), ev.log.subList(3, 5).stream().sorted().toList(),
                "the changed and the removed rule are cleared at the rules' time");
        assertEquals(List.of("keep", "change", "new"), r.ids());
        assertTrue(r.status().get(0).raised(), "unchanged: stays raised, not raised twice");
        for (int s = 5; s < 16; s++) feed(r, s, 90);
        // the new rule reads operator_present = false (set before the replace) and is raised after its 5 s
        assertEquals(List.of("raise new +10s 90.0", "raise change +15s 90.0"), ev.log.subList(5, 7));
        assertEquals(7, ev.log.size(), ev.log.toString());
    }

    @Test
    void aRuleAddedWhileRunningStartsFromTheNewestValuesAndARestartedOneIsRaisedAgain() throws Exception {
        Events ev = new Events();
        OnlineCompositeRules r = rules(ev, "hot", "temp > 80");
        r.onBatch(List.of(Sample.good("valve", T0, 0))); // a steady tag: sent once, then never again
        feed(r, 1, 90);
        assertEquals(List.of("raise hot +1s 90.0"), ev.log);
        r.replace(List.of(new OnlineCompositeRules.Definition("hot", RuleParser.parse("temp > 80")),
                new OnlineCompositeRules.Definition("closed-and-hot", RuleParser.parse("valve < 1 and temp > 85"))),
                java.util.Set.of("hot"));
        assertEquals("clear hot +1s", ev.log.get(1), "restarted (its grade or texts changed): cleared first");
        feed(r, 2, 90);
        assertEquals(List.of("raise hot +2s 90.0", "raise closed-and-hot +2s 0.0"), ev.log.subList(2, 4),
                "the valve's one value from before the change counts; the restarted rule is raised again");
    }
}
