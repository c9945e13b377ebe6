package com.vigil.warning.online;

import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import com.vigil.warning.rules.Rule;
import com.vigil.warning.rules.RuleEvaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composite rules written by engineers, evaluated online over the live samples (a {@link SampleBatchListener}
 * for the ingest thread). A rule is raised when its condition has been definitely true for its {@code for}
 * duration; it clears only when the condition has been definitely <em>false</em> for the clear delay (at least
 * {@link #MIN_CLEAR_MILLIS}): a value that becomes unknown (bad quality, communication loss) neither raises nor
 * clears a rule, so a flickering signal cannot make the alarm chatter.
 *
 * <p>Built-in variables: {@value #OPERATOR_PRESENT} (1 while someone who may act is signed in, and not locked, at
 * a console of the site; the console computes it), set with {@link #setVariable}. They read like a discrete tag.
 *
 * <p>Time comes from the samples (the newest sample time seen), never from the wall clock. Thread-safe: batches
 * come from the ingest thread, variables from the UI.
 */
public final class OnlineCompositeRules implements SampleBatchListener {
    /** Built-in: someone who may act is signed in, and not locked, at a console on the site (set by the console). */
    public static final String OPERATOR_PRESENT = "operator_present";
    /** Names a rule may read that are not plant tags. */
    public static final Set<String> BUILT_INS = Set.of(OPERATOR_PRESENT);
    /** Shortest clear delay: a rule stays raised until its condition has been false this long. */
    public static final long MIN_CLEAR_MILLIS = 10_000;

    /**
     * A compiled rule with its id, clear delay and the tag whose value goes with the alarm ({@code valueTag}: the tag
     * the alarm is shown on; null = the first plant tag the rule reads).
     */
    public record Definition(String id, Rule rule, long clearMillis, String valueTag) {
        public Definition(String id, Rule rule) {
            this(id, rule, null);
        }

        public Definition(String id, Rule rule, String valueTag) {
            this(id, rule, Math.max(MIN_CLEAR_MILLIS, rule.forMillis()), valueTag);
        }
    }

    /** Where raised and cleared rules go (the alarm engine in the console). */
    public interface Sink {
        /** {@code value}: the newest good value of the definition's value tag (NaN when none or not read by the rule). */
        void raise(String ruleId, long timeMillis, double value);

        void clear(String ruleId, long timeMillis);
    }

    /**
     * What a rule looks like now: condition true/false/unknown (null), raised or not, and the last evaluation error
     * (null when it evaluated; a rule that fails is left as it was and the other rules go on).
     */
    public record Status(String id, Boolean condition, boolean raised, String error) { }

    private static final class State {
        final Definition def;
        final RuleEvaluator eval;
        final String firstTag;
        boolean raised;
        Boolean condition;
        String error;
        long falseSince = Long.MIN_VALUE;

        State(Definition def) {
            this.def = def;
            this.eval = new RuleEvaluator(def.rule());
            List<String> tags = def.rule().tags();
            this.firstTag = def.valueTag() != null ? def.valueTag()
                    : tags.stream().filter(t -> !BUILT_INS.contains(t)).findFirst().orElse(tags.isEmpty() ? null : tags.get(0));
        }
    }

    private final List<State> states = new ArrayList<>();
    private final Map<String, List<State>> byTag = new HashMap<>();
    private final Sink sink;
    private long now = Long.MIN_VALUE;
    /** Variables set before the first sample. */
    private final Map<String, Boolean> pending = new java.util.LinkedHashMap<>();
    /** The newest sample of every tag seen (seeds rules added while running). */
    private final Map<String, Sample> lastSample = new HashMap<>();
    /** The built-in variables' current values. */
    private final Map<String, Boolean> variables = new HashMap<>();

    public OnlineCompositeRules(List<Definition> rules, Sink sink) {
        this.sink = sink;
        for (Definition d : rules) {
            states.add(new State(d));
        }
        index();
    }

    private void index() {
        byTag.clear();
        for (State s : states) {
            for (String t : s.def.rule().tags()) {
                byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
            }
        }
    }

    /**
     * Replaces the rule set while running (an engineer saved, changed or switched off a rule). A rule that is
     * unchanged (same id, text, clear delay and value tag) keeps its state: its history, its waiting time and its
     * raised alarm. A rule that is gone or changed is cleared first when it was raised (at the rules' own time), so
     * no alarm is left that nobody clears; a changed rule then starts afresh and needs its full {@code for} time.
     * Built-in variables keep their values.
     */
    public synchronized void replace(List<Definition> rules) {
        replace(rules, Set.of());
    }

    /**
     * As {@link #replace(List)}; the rules named in {@code restart} start afresh even when their condition is
     * unchanged (their grade or texts changed: the alarm is cleared and raised again with the new ones). A new or
     * restarted rule is given the newest sample of each tag it reads, so a tag whose value has not changed since
     * (an OPC UA server reports changes only) is not unknown.
     */
    public synchronized void replace(List<Definition> rules, Set<String> restart) {
        Map<String, State> old = new HashMap<>();
        for (State s : states) {
            old.put(s.def.id(), s);
        }
        List<State> next = new ArrayList<>();
        for (Definition d : rules) {
            State kept = old.get(d.id());
            if (kept != null && same(kept.def, d) && !restart.contains(d.id())) {
                old.remove(d.id());
                next.add(kept);
            } else {
                State fresh = new State(d);
                for (String t : d.rule().tags()) {
                    Sample last = lastSample.get(t);
                    if (last != null) {
                        fresh.eval.accept(last);
                    }
                }
                next.add(fresh);
            }
        }
        for (State gone : old.values()) {
            if (gone.raised) {
                sink.clear(gone.def.id(), now); // raised only ever at a sample time: now is set
                gone.raised = false;
            }
        }
        states.clear();
        states.addAll(next);
        index();
        // the built-ins the new rules read start from their current values, not unknown
        variables.forEach((name, value) -> {
            Sample s = Sample.good(name, now == Long.MIN_VALUE ? 0 : now, value ? 1 : 0);
            for (State st : byTag.getOrDefault(name, List.of())) {
                st.eval.accept(s);
            }
        });
    }

    private static boolean same(Definition a, Definition b) {
        return a.rule().text().equals(b.rule().text()) && a.clearMillis() == b.clearMillis()
                && java.util.Objects.equals(a.valueTag(), b.valueTag());
    }

    /** The ids of the rules, in order. */
    public synchronized List<String> ids() {
        return states.stream().map(s -> s.def.id()).toList();
    }

    @Override
    public synchronized void onBatch(List<Sample> batch) {
        long newest = Long.MIN_VALUE;
        for (Sample s : batch) {
            lastSample.put(s.tag(), s);
            List<State> readers = byTag.get(s.tag());
            if (readers != null) {
                for (State st : readers) {
                    st.eval.accept(s);
                }
            }
            newest = Math.max(newest, s.timeMillis());
        }
        if (newest != Long.MIN_VALUE) {
            long t = Math.max(now, newest);
            if (!pending.isEmpty()) {
                pending.forEach((name, value) -> apply(name, value, t));
                pending.clear();
            }
            evaluate(t);
        }
    }

    /**
     * Sets a built-in variable (e.g. {@link #OPERATOR_PRESENT}) and evaluates the rules. It takes effect at the rules'
     * own time, the newest sample time seen (never the caller's clock, which may run ahead of or behind the samples);
     * before the first sample it waits and takes effect with the first batch.
     */
    /** A built-in variable's value as last set (empty before it was set). */
    public synchronized java.util.Optional<Boolean> variable(String name) {
        Boolean pendingValue = pending.get(name);
        return java.util.Optional.ofNullable(pendingValue != null ? pendingValue : variables.get(name));
    }

    public synchronized void setVariable(String name, boolean value) {
        if (!BUILT_INS.contains(name)) {
            throw new IllegalArgumentException("not a built-in variable: " + name + " (known: " + BUILT_INS + ")");
        }
        if (now == Long.MIN_VALUE) {
            pending.put(name, value);
            return;
        }
        apply(name, value, now);
        evaluate(now);
    }

    private void apply(String name, boolean value, long t) {
        variables.put(name, value);
        Sample s = Sample.good(name, t, value ? 1 : 0);
        for (State st : byTag.getOrDefault(name, List.of())) {
            st.eval.accept(s);
        }
    }

    /** The rules as they are now. */
    public synchronized List<Status> status() {
        return states.stream().map(s -> new Status(s.def.id(), s.condition, s.raised, s.error)).toList();
    }

    private void evaluate(long t) {
        now = t;
        for (State st : states) {
            try {
                step(st, t);
                st.error = null;
            } catch (RuntimeException e) {
                st.error = e.toString(); // one broken rule must not stop the others
            }
        }
    }

    private void step(State st, long t) {
        RuleEvaluator.Result r = st.eval.evaluate(t);
        st.condition = r.condition();
        if (!st.raised) {
            if (r.active()) {
                sink.raise(st.def.id(), t, st.firstTag == null ? Double.NaN : st.eval.lastGoodValue(st.firstTag));
                st.raised = true; // only once the alarm is in: a failed raise is tried again at the next batch
                st.falseSince = Long.MIN_VALUE;
            }
        } else if (Boolean.FALSE.equals(r.condition())) {
            if (st.falseSince == Long.MIN_VALUE) {
                st.falseSince = t;
            }
            if (t - st.falseSince >= st.def.clearMillis()) {
                sink.clear(st.def.id(), t);
                st.raised = false;
                st.falseSince = Long.MIN_VALUE;
            }
        } else {
            st.falseSince = Long.MIN_VALUE; // true again, or unknown: stays raised
        }
    }
}
