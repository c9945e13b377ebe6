package com.vigil.ui.alarms;

import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Audible annunciation: a distinct tone per grade, repeated until the alarm is acknowledged; the
 * silence button silences the sound of the alarms present (not the alarms, and not alarms that come
 * later). Grade-1 alarms are also announced by voice where a text-to-speech engine is available.
 * Decides on the FX pulse; the sound itself plays on the sink's own thread.
 */
public final class Annunciator {
    /** Where sound goes. The real one is {@link ToneSink}; tests record calls. */
    public interface Sink {
        void tone(int grade);

        void speak(String text, boolean chinese);
    }

    /** Seconds between repeats per grade (index = grade). */
    static final int[] REPEAT_SECONDS = {0, 3, 6, 12, 30};

    private final AlarmListViewModel model;
    private final Sink sink;
    private final I18n i18n;
    private final boolean speak;
    private final Set<String> silenced = new HashSet<>();
    private final Set<String> spoken = new HashSet<>();
    private long lastToneMillis;
    private int lastToneGrade;
    private final java.util.function.LongSupplier clock;

    public Annunciator(AlarmListViewModel model, Sink sink, I18n i18n, FxPulse pulse, boolean speak,
                       java.util.function.LongSupplier clock) {
        this.model = model;
        this.sink = sink;
        this.i18n = i18n;
        this.speak = speak;
        this.clock = clock;
        pulse.add(this::refresh);
    }

    /** The grade that sounds now (0 = silent): the most severe unacknowledged, unsilenced alarm. */
    public int sounding() {
        int best = 0;
        for (AlarmRow r : model.all()) {
            if (r.unacknowledged() && !AlarmFilter.isMasked(r.state()) && !silenced.contains(r.id())
                    && (best == 0 || r.grade() < best)) {
                best = r.grade();
            }
        }
        return best;
    }

    void refresh() {
        List<AlarmRow> all = model.all();
        // forget what was acknowledged, so a new occurrence sounds again
        silenced.removeIf(id -> all.stream().noneMatch(r -> r.id().equals(id) && r.unacknowledged()));
        spoken.removeIf(id -> all.stream().noneMatch(r -> r.id().equals(id) && r.unacknowledged()));
        int grade = sounding();
        long now = clock.getAsLong();
        if (grade > 0 && (grade < lastToneGrade || lastToneGrade == 0
                || now - lastToneMillis >= REPEAT_SECONDS[grade] * 1000L)) {
            sink.tone(grade);
            lastToneMillis = now;
            lastToneGrade = grade;
        } else if (grade == 0) {
            lastToneGrade = 0;
        }
        if (speak) {
            for (AlarmRow r : all) {
                if (r.grade() == 1 && r.unacknowledged() && !silenced.contains(r.id()) && spoken.add(r.id())) {
                    sink.speak(i18n.t("annunciation.speech", r.description(), r.type()), i18n.chinese());
                }
            }
        }
    }

    /** Silences the alarms sounding now; they stay unacknowledged, and new alarms sound again. */
    public void silence() {
        for (AlarmRow r : model.all()) {
            if (r.unacknowledged()) {
                silenced.add(r.id());
            }
        }
        lastToneGrade = 0;
    }
}
