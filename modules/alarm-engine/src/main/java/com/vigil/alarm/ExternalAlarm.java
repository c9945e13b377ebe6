package com.vigil.alarm;

import com.vigil.model.Priority;
import java.util.Objects;

/**
 * An alarm raised from outside the engine: early-warning detector, OPC UA server condition, communication loss.
 *
 * @param id          unique alarm id (e.g. {@code EW:TF.T101.LT:ttt} or {@code COMM:plc1})
 * @param tag         tag or source it concerns
 * @param type        usually {@link AlarmType#EXTERNAL} or {@link AlarmType#COMM}
 * @param priority    priority
 * @param area        responsible area
 * @param description text
 * @param guidance    what to do
 */
public record ExternalAlarm(String id, String tag, AlarmType type, Priority priority, String area,
                            String description, String guidance) {
    public ExternalAlarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
    }

    AlarmDef toDef() {
        return AlarmDef.builder(id, tag, type).priority(priority).area(area).description(description)
                .guidance(guidance).setpoint(0).build();
    }
}
