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
 * absent for {@code clearAfter} evaluations before it clears (persistence and hysteresis against noise). A tag
 * with a normal operating band is only extrapolated once it has left the band towards a limit
 * ({@link TimeToThreshold#withNormalBand}): on the demo plant, extrapolating every significant 10-minute trend
 * gave about 1,600 false warnings per simulated day (tanks breathing, batches heating).
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
        final TimeToThreshold confirm;
        long lastFed = Long.MIN_VALUE;
        int present;
        int absent;
        boolean raised;

        State(TimeToThreshold p, TimeToThreshold confirm) {
            this.predictor = p;
            this.confirm = confirm;
        }

        /** Both windows must predict the crossing within the horizon; the later (more cautious) prediction is used. */
        Optional<ThresholdWarning> update(Sample s) {
            Optional<ThresholdWarning> a = predictor.update(s);
            if (confirm == null) return a;
            Optional<ThresholdWarning> b = confirm.update(s);
            if (a.isEmpty() || b.isEmpty() || !a.get().limitName().equals(b.get().limitName())) return Optional.empty();
            return a.get().predictedCrossingMillis() >= b.get().predictedCrossingMillis() ? a : b;
        }
    }

    private final Map<String, State> states = new HashMap<>();
    private final Sink sink;
    private final long decimationMillis;
    private final int raiseAfter;
    private final int clearAfter;

    public OnlineTimeToThreshold(List<TagDef> tags, TimeToThreshold.Settings settings, long decimationMillis,
                                 int raiseAfter, int clearAfter, Sink sink) {
        this(tags, settings, null, decimationMillis, raiseAfter, clearAfter, sink);
    }

    /**
     * @param confirm settings of a second, longer trend window that must agree (same limit, within the horizon);
     *                null = the single window decides
     */
    public OnlineTimeToThreshold(List<TagDef> tags, TimeToThreshold.Settings settings, TimeToThreshold.Settings confirm,
                                 long decimationMillis, int raiseAfter, int clearAfter, Sink sink) {
        this.sink = sink;
        this.decimationMillis = decimationMillis;
        this.raiseAfter = raiseAfter;
        this.clearAfter = clearAfter;
        for (TagDef t : tags) {
            boolean hasLimit = t.limits().h() != null || t.limits().hh() != null || t.limits().l() != null
                    || t.limits().ll() != null;
            if (t.kind() == TagKind.ANALOG && hasLimit) {
                TimeToThreshold p = new TimeToThreshold(t.id(), t.limits(), settings);
                TimeToThreshold c = confirm == null ? null : new TimeToThreshold(t.id(), t.limits(), confirm);
                if (t.normalHigh() > t.normalLow()) {
                    // no prediction inside the normal operating band
                    p.withNormalBand(t.normalLow(), t.normalHigh());
                    if (c != null) c.withNormalBand(t.normalLow(), t.normalHigh());
                }
                states.put(t.id(), new State(p, c));
            }
        }
    }

    /**
     * Plant defaults: 10-min robust trend confirmed by a 30-min one (a swing of a few minutes is not a trend),
     * 30-min horizon, one point per 10 s; the prediction must hold for 6 evaluations (1 min) to raise and be
     * absent for 6 to clear.
     */
    public static OnlineTimeToThreshold withDefaults(List<TagDef> tags, Sink sink) {
        TimeToThreshold.Settings shortWindow = TimeToThreshold.Settings.defaults();
        TimeToThreshold.Settings longWindow = new TimeToThreshold.Settings(30 * 60_000L, 30, shortWindow.horizonMillis(),
                shortWindow.minKendallZ());
        return new OnlineTimeToThreshold(tags, shortWindow, longWindow, 10_000, 6, 6, sink);
    }

    @Override
    public void onBatch(List<Sample> batch) {
        for (Sample s : batch) {
            State st = states.get(s.tag());
            if (st == null || (st.lastFed != Long.MIN_VALUE && s.timeMillis() - st.lastFed < decimationMillis)) {
                continue;
            }
            st.lastFed = s.timeMillis();
            Optional<ThresholdWarning> w = st.update(s);
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
