package com.vigil.warning.online;

import com.vigil.model.Sample;
import com.vigil.model.SampleBatchListener;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.warning.trend.ThresholdWarning;
import com.vigil.warning.trend.TimeToThreshold;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Time-to-threshold warnings for every analog tag with limits, online. Runs on the ingest thread as a
 * consumer: each tag is fed one point per {@code decimationMillis} (the trend needs minutes, not every
 * sample), and a warning must hold for {@code raiseAfter} consecutive evaluations before it is raised and be
 * absent for {@code clearAfter} evaluations before it clears (persistence and hysteresis against noise).
 */
public final class OnlineTimeToThreshold implements SampleBatchListener {
    /** Where warnings go (the app raises them in the alarm engine as ordinary alarms). */
    public interface Sink {
        void raise(ThresholdWarning warning);

        /** The warning of {@code tag} may also update while raised (new prediction). */
        void update(ThresholdWarning warning);

        void clear(String tag, long timeMillis);
    }

    private static final class State {
        final TimeToThreshold predictor;
        long lastFed = Long.MIN_VALUE;
        int present;
        int absent;
        boolean raised;

        State(TimeToThreshold p) {
            this.predictor = p;
        }
    }

    private final Map<String, State> states = new HashMap<>();
    private final Sink sink;
    private final long decimationMillis;
    private final int raiseAfter;
    private final int clearAfter;

    public OnlineTimeToThreshold(List<TagDef> tags, TimeToThreshold.Settings settings, long decimationMillis,
                                 int raiseAfter, int clearAfter, Sink sink) {
        this.sink = sink;
        this.decimationMillis = decimationMillis;
        this.raiseAfter = raiseAfter;
        this.clearAfter = clearAfter;
        for (TagDef t : tags) {
            boolean hasLimit = t.limits().h() != null || t.limits().hh() != null || t.limits().l() != null
                    || t.limits().ll() != null;
            if (t.kind() == TagKind.ANALOG && hasLimit) {
                states.put(t.id(), new State(new TimeToThreshold(t.id(), t.limits(), settings)));
            }
        }
    }

    /** Demo/plant defaults: 10-min robust trend, 30-min horizon, one point per 10 s, 2 to raise, 3 to clear. */
    public static OnlineTimeToThreshold withDefaults(List<TagDef> tags, Sink sink) {
        return new OnlineTimeToThreshold(tags, TimeToThreshold.Settings.defaults(), 10_000, 2, 3, sink);
    }

    @Override
    public void onBatch(List<Sample> batch) {
        for (Sample s : batch) {
            State st = states.get(s.tag());
            if (st == null || (st.lastFed != Long.MIN_VALUE && s.timeMillis() - st.lastFed < decimationMillis)) {
                continue;
            }
            st.lastFed = s.timeMillis();
            Optional<ThresholdWarning> w = st.predictor.update(s);
            if (w.isPresent()) {
                st.absent = 0;
                st.present++;
                if (!st.raised && st.present >= raiseAfter) {
                    st.raised = true;
                    sink.raise(w.get());
                } else if (st.raised) {
                    sink.update(w.get());
                }
            } else {
                st.present = 0;
                st.absent++;
                if (st.raised && st.absent >= clearAfter) {
                    st.raised = false;
                    sink.clear(s.tag(), s.timeMillis());
                }
            }
        }
    }

    /** Tags being watched. */
    public int watched() {
        return states.size();
    }
}
