package com.vigil.app.runtime;

import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmType;
import com.vigil.alarm.ExternalAlarm;
import com.vigil.model.Priority;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.warning.detect.Contribution;
import com.vigil.warning.detect.Warning;
import com.vigil.warning.online.OnlineAssetWarnings;
import java.time.Instant;
import java.util.Locale;

/**
 * Multivariate asset warnings enter the alarm engine as ordinary alarms ({@code <asset>:MV}, grade 3), on the
 * asset's top contributing tag so the guidance trend shows where to look. The description carries the
 * warning in a structured form, {@code MV|asset|label|severity|tag=share;tag=share;…} (top 3 tags, shares in
 * percent), which the UI renders in the operator's language.
 *
 * <p>A frozen tag of a modelled asset is its own alarm on that tag ({@code <tag>:FRZ}, grade 3, the frozen value as
 * the value), with the description {@code FRZ|frozen for ms|normal at most ms}; it clears when the value moves.
 */
public final class AssetWarningAlarms implements OnlineAssetWarnings.Sink {
    public static final String SUFFIX = ":MV";
    public static final String PREFIX = "MV|";
    public static final String FROZEN_SUFFIX = ":FRZ";
    public static final String FROZEN_PREFIX = "FRZ|";

    private final AlarmEngine engine;
    private final PlantDefinition plant;

    public AssetWarningAlarms(AlarmEngine engine, PlantDefinition plant) {
        this.engine = engine;
        this.plant = plant;
    }

    private boolean retired;
    /** Tags with a frozen-value alarm raised by this set (cleared when the set is retired). */
    private final java.util.Set<String> frozen = new java.util.TreeSet<>();

    /**
     * This model set was replaced: clears the warnings it raised and ignores anything its (old) models still report
     * (the ingest thread may be in the middle of a batch with them). Synchronized with raise/clear, so no warning
     * of the old set can be raised after it is retired.
     */
    public synchronized void retire(java.util.Collection<String> assets, Instant time) {
        retired = true;
        for (String asset : assets) {
            engine.clearExternal(asset + SUFFIX, time);
        }
        for (String tag : frozen) {
            engine.clearExternal(tag + FROZEN_SUFFIX, time);
        }
        frozen.clear();
    }

    @Override
    public synchronized void raise(String asset, Warning w) {
        if (retired) {
            return;
        }
        // on the top contributor (or, without contributions, on the asset's first tag: a warning is never dropped)
        String top = !w.contributors().isEmpty() ? w.contributors().get(0).tag()
                : plant.plant().tags().stream().map(t -> t.id()).filter(id -> id.startsWith(asset + ".")).findFirst().orElse(asset);
        String area = plant.plant().tag(top).map(t -> t.area()).orElse("");
        double total = w.contributors().stream().mapToDouble(c -> Math.max(0, c.value())).sum();
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < Math.min(3, w.contributors().size()); i++) {
            Contribution c = w.contributors().get(i);
            if (i > 0) tags.append(';');
            tags.append(c.tag()).append('=').append(total > 0 ? Math.round(100 * Math.max(0, c.value()) / total) : 0);
        }
        String description = PREFIX + asset + "|" + label(asset) + "|" + String.format(Locale.ROOT, "%.2f", w.severity())
                + "|" + tags;
        engine.raiseExternal(new ExternalAlarm(asset + SUFFIX, top, AlarmType.EXTERNAL, Priority.GRADE_3, area,
                description, ""), Instant.ofEpochMilli(w.timeMillis()), w.severity());
    }

    @Override
    public synchronized void clear(String asset, long timeMillis) {
        if (retired) {
            return;
        }
        engine.clearExternal(asset + SUFFIX, Instant.ofEpochMilli(timeMillis));
    }

    @Override
    public synchronized void frozen(String asset, String tag, long timeMillis, double value, long frozenForMillis,
                                    long normalMaxMillis) {
        if (retired) {
            return;
        }
        frozen.add(tag);
        String area = plant.plant().tag(tag).map(t -> t.area()).orElse("");
        engine.raiseExternal(new ExternalAlarm(tag + FROZEN_SUFFIX, tag, AlarmType.EXTERNAL, Priority.GRADE_3, area,
                FROZEN_PREFIX + frozenForMillis + "|" + normalMaxMillis, ""), Instant.ofEpochMilli(timeMillis), value);
    }

    @Override
    public synchronized void thawed(String asset, String tag, long timeMillis) {
        if (retired) {
            return;
        }
        frozen.remove(tag);
        engine.clearExternal(tag + FROZEN_SUFFIX, Instant.ofEpochMilli(timeMillis));
    }

    /** The equipment's label on the floor plan (e.g. P-401), or the asset id. */
    private String label(String asset) {
        String l = plant.equipmentLabel(asset);
        return l.isEmpty() ? asset : l.replace('|', '/');
    }
}
