package com.vigil.ui.overview;

import com.vigil.ingest.LiveSnapshot;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Logic of the overview, without JavaFX: on each pulse, reads the live snapshot and the alarm lookup
 * and returns only the tiles whose state changed.
 */
public final class OverviewViewModel {
    private final List<TagDef> tags;
    private final LiveSnapshot snapshot;
    private final TagAlarmLookup alarms;
    private final Map<String, TileState> shown = new HashMap<>();
    private long seenSnapshot = -1;
    private long seenAlarms = -1;

    public OverviewViewModel(List<TagDef> tags, LiveSnapshot snapshot, TagAlarmLookup alarms) {
        this.tags = tags;
        this.snapshot = snapshot;
        this.alarms = alarms;
    }

    public List<TagDef> tags() {
        return tags;
    }

    /** Tiles whose state changed since the last call (tag id → new state). Empty when nothing changed. */
    public Map<String, TileState> changes() {
        long sv = snapshot.version();
        long av = alarms.version();
        if (sv == seenSnapshot && av == seenAlarms) {
            return Map.of();
        }
        seenSnapshot = sv;
        seenAlarms = av;
        Map<String, TileState> out = new HashMap<>();
        for (TagDef t : tags) {
            TileState st = stateOf(t.id());
            if (!st.equals(shown.get(t.id()))) {
                shown.put(t.id(), st);
                out.put(t.id(), st);
            }
        }
        return out;
    }

    TileState stateOf(String tag) {
        Sample s = snapshot.latest(tag);
        TagAlarmLookup.TagAlarm a = alarms.worst(tag);
        double v = s == null ? Double.NaN : s.value();
        Quality q = s == null ? Quality.STALE : s.quality();
        return new TileState(v, q, a == null ? 0 : a.grade(), a == null ? "" : a.label(),
                a != null && a.unacknowledged());
    }

    public TileState shown(String tag) {
        return shown.getOrDefault(tag, TileState.EMPTY);
    }
}
