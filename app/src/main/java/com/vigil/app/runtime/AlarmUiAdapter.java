package com.vigil.app.runtime;

import com.vigil.alarm.ActionResult;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmView;
import com.vigil.model.Actor;
import com.vigil.model.Area;
import com.vigil.model.Role;
import com.vigil.model.TagDef;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.ui.alarms.AlarmCommands;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.ui.alarms.AlarmSource;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.overview.TagAlarmLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Adapts the alarm engine to the alarm list, the tiles and the operator's actions. */
public final class AlarmUiAdapter implements AlarmSource, AlarmCommands, TagAlarmLookup {
    private final AlarmEngine engine;
    private final PlantDefinition plant;
    private final I18n i18n;
    private final Supplier<Actor> actor;
    private long cachedVersion = -1;
    private Map<String, TagAlarm> worstByTag = Map.of();

    public AlarmUiAdapter(AlarmEngine engine, PlantDefinition plant, I18n i18n, Supplier<Actor> actor) {
        this.engine = engine;
        this.plant = plant;
        this.i18n = i18n;
        this.actor = actor;
    }

    @Override
    public long version() {
        return engine.version();
    }

    @Override
    public List<AlarmRow> rows() {
        String lang = i18n.chinese() ? "zh" : "en";
        List<AlarmRow> rows = new ArrayList<>();
        for (AlarmView v : engine.activeAlarms()) {
            TagDef def = plant.plant().tag(v.tag()).orElse(null);
            String unit = def == null ? "" : " " + def.unit();
            String valueText = Double.isNaN(v.valueAtActivation()) ? "—"
                    : fmt(v.valueAtActivation()) + (Double.isNaN(v.limit()) ? "" : " / " + fmt(v.limit())) + unit;
            String pending = v.tiers() == null ? "" : String.join(", ", v.tiers().pending().stream()
                    .filter(r -> r != Role.OPERATOR || v.acknowledged())
                    .map(r -> i18n.t("role." + r.name())).toList());
            rows.add(new AlarmRow(v.id(), v.activationTime() == null ? 0 : v.activationTime().toEpochMilli(),
                    v.priority().grade(), areaName(v.area()), v.tag(), plant.description(v.tag(), lang),
                    v.type().name(), valueText, v.state().name(), !v.acknowledged(), pending));
        }
        return rows;
    }

    private String areaName(String areaId) {
        for (Area a : plant.plant().areas()) {
            if (a.id().equals(areaId)) {
                return a.name(i18n.locale());
            }
        }
        return areaId == null ? "" : areaId;
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public Result acknowledge(List<String> alarmIds, String comment) {
        int done = 0;
        List<String> refusals = new ArrayList<>();
        for (String id : alarmIds) {
            ActionResult r = engine.acknowledge(id, actor.get(), comment == null ? "" : comment);
            if (r.accepted()) {
                done++;
            } else {
                refusals.add(id + ": " + r.reason());
            }
        }
        return new Result(done, refusals);
    }

    @Override
    public synchronized TagAlarm worst(String tag) {
        long v = engine.version();
        if (v != cachedVersion) {
            Map<String, TagAlarm> m = new HashMap<>();
            for (AlarmView a : engine.activeAlarms()) { // sorted by grade: the first per tag is the worst
                if (!a.active() && a.acknowledged()) {
                    continue;
                }
                m.putIfAbsent(a.tag(), new TagAlarm(a.priority().grade(), a.type().name(), !a.acknowledged()));
            }
            worstByTag = m;
            cachedVersion = v;
        }
        return worstByTag.get(tag);
    }
}
