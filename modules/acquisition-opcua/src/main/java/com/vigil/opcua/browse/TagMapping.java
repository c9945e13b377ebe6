package com.vigil.opcua.browse;

import com.vigil.opcua.Deadband;
import com.vigil.opcua.SubscriptionGroup;
import com.vigil.opcua.TagBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a tag list: an OPC UA variable mapped to a plant tag with unit, range and limits.
 * Numbers not given are NaN; {@code priority} 0 means "not given" (1 = highest .. 4 = lowest).
 */
public record TagMapping(String tag, String nodeId, String description, String unit, double engLow, double engHigh,
                         double h, double hh, double l, double ll, int priority, String area, double samplingMs,
                         Deadband deadband) {
    public TagMapping {
        description = description == null ? "" : description;
        unit = unit == null ? "" : unit;
        area = area == null ? "" : area;
        deadband = deadband == null ? Deadband.NONE : deadband;
    }

    /** A mapping for a browsed variable: unit and range from EngineeringUnits/EURange, no limits yet. */
    public static TagMapping of(String tag, VariableInfo v, double samplingMs) {
        return new TagMapping(tag, v.nodeId(), v.description().isEmpty() ? v.displayName() : v.description(), v.unit(),
                v.engLow(), v.engHigh(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "", samplingMs,
                Deadband.NONE);
    }

    public TagBinding binding() {
        return new TagBinding(tag, nodeId);
    }

    /**
     * Subscription groups for a tag list: one per (sampling interval, deadband), publishing at the sampling
     * interval (at least 100 ms), queue size 10. A missing sampling interval uses {@code defaultSamplingMs}.
     */
    public static List<SubscriptionGroup> groups(List<TagMapping> rows, double defaultSamplingMs) {
        Map<String, List<TagBinding>> byKey = new LinkedHashMap<>();
        Map<String, TagMapping> first = new LinkedHashMap<>();
        for (TagMapping m : rows) {
            double s = Double.isNaN(m.samplingMs()) || m.samplingMs() <= 0 ? defaultSamplingMs : m.samplingMs();
            String key = s + "|" + m.deadband();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(m.binding());
            first.putIfAbsent(key, new TagMapping(m.tag(), m.nodeId(), "", "", 0, 0, 0, 0, 0, 0, 0, "", s, m.deadband()));
        }
        List<SubscriptionGroup> out = new ArrayList<>();
        byKey.forEach((k, b) -> {
            TagMapping f = first.get(k);
            out.add(new SubscriptionGroup(f.samplingMs() + "ms" + (f.deadband().type() == Deadband.Type.NONE ? ""
                    : " db " + f.deadband()), Math.max(100, f.samplingMs()), f.samplingMs(), 10, f.deadband(), b));
        });
        return out;
    }
}
