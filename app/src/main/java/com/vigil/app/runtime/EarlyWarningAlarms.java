package com.vigil.app.runtime;

import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmType;
import com.vigil.alarm.ExternalAlarm;
import com.vigil.model.Priority;
import com.vigil.model.TagDef;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.warning.online.OnlineTimeToThreshold;
import com.vigil.warning.trend.ThresholdWarning;
import java.time.Instant;

/**
 * Early warnings enter the alarm engine as ordinary alarms (same states, shelving, KPIs). A
 * time-to-threshold warning is one grade below the limit it predicts (a warning is less urgent than the
 * trip itself). Its description carries the prediction in a structured form, {@code TTT|limit|value|crossing},
 * which the UI renders in the operator's language ("H 172 in 12 min, at 13:25").
 */
public final class EarlyWarningAlarms implements OnlineTimeToThreshold.Sink {
    public static final String SUFFIX = ":TTT";
    public static final String PREFIX = "TTT|";

    private final AlarmEngine engine;
    private final PlantDefinition plant;

    public EarlyWarningAlarms(AlarmEngine engine, PlantDefinition plant) {
        this.engine = engine;
        this.plant = plant;
    }

    @Override
    public void raise(ThresholdWarning w) {
        TagDef def = plant.plant().tag(w.tag()).orElse(null);
        Priority p = w.priority() == null ? Priority.GRADE_3 : Priority.ofGrade(Math.min(4, w.priority().grade() + 1));
        String description = PREFIX + w.limitName() + "|" + w.limitValue() + "|" + w.predictedCrossingMillis();
        engine.raiseExternal(new ExternalAlarm(w.tag() + SUFFIX, w.tag(), AlarmType.EXTERNAL, p,
                def == null ? "" : def.area(), description, ""), Instant.ofEpochMilli(w.evaluatedAtMillis()), w.estimate());
    }

    @Override
    public void update(ThresholdWarning w) {
        // the first prediction stays on the alarm; the trend view shows how the value goes on
    }

    @Override
    public void clear(String tag, long timeMillis) {
        engine.clearExternal(tag + SUFFIX, Instant.ofEpochMilli(timeMillis));
    }
}
