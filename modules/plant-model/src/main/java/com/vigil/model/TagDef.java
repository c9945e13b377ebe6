package com.vigil.model;

import java.util.Objects;

/**
 * A plant tag: what is measured, where, in which unit and range, and where its alarms are.
 *
 * @param id          stable id, also the OPC UA browse name, e.g. {@code TF.T101.LT}
 * @param area        area id
 * @param equipment   equipment id inside the area (may be empty)
 * @param description human text (zh/en are in the plant file; this is the default)
 * @param kind        analog or discrete
 * @param unit        engineering unit, e.g. {@code °C}, {@code %LEL}
 * @param engLow      engineering range low (EURange)
 * @param engHigh     engineering range high
 * @param normalLow   normal operating range low
 * @param normalHigh  normal operating range high
 * @param limits      alarm limits
 * @param x           position on the floor plan (plan units)
 * @param y           position on the floor plan
 */
public record TagDef(String id, String area, String equipment, String description, TagKind kind, String unit,
                     double engLow, double engHigh, double normalLow, double normalHigh, Limits limits,
                     double x, double y) {
    public TagDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(kind, "kind");
        equipment = equipment == null ? "" : equipment;
        description = description == null ? "" : description;
        unit = unit == null ? "" : unit;
        limits = limits == null ? Limits.NONE : limits;
        if (kind == TagKind.ANALOG && !(engHigh > engLow)) {
            throw new IllegalArgumentException("tag " + id + ": engineering range high must be above low");
        }
    }
}
