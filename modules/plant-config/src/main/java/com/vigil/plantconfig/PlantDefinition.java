package com.vigil.plantconfig;

import com.vigil.model.Plant;
import java.util.List;
import java.util.Map;

/**
 * What a plant file defines: the domain {@link Plant}, the localized tag descriptions, the floor plan
 * and, per tag, the simulator settings (opaque here; the simulator interprets them).
 */
public record PlantDefinition(Plant plant, Map<String, String> descriptionsZh, FloorPlan floorPlan,
                              Map<String, Map<String, Object>> simulation, Map<String, Map<String, String>> guidance) {

    /** A plant without alarm guidance texts. */
    public PlantDefinition(Plant plant, Map<String, String> descriptionsZh, FloorPlan floorPlan,
                           Map<String, Map<String, Object>> simulation) {
        this(plant, descriptionsZh, floorPlan, simulation, Map.of());
    }

    /**
     * What the operator should do when an alarm of the tag comes (the tag's {@code guidance} in the plant file)
     * in the given language ("zh", or other = English; falls back to the other language), or "" when none.
     */
    public String guidance(String tagId, String language) {
        Map<String, String> g = guidance.get(tagId);
        if (g == null) {
            return "";
        }
        String first = "zh".equals(language) ? g.get("zh") : g.get("en");
        String other = "zh".equals(language) ? g.get("en") : g.get("zh");
        return first != null && !first.isBlank() ? first : other == null ? "" : other;
    }

    /** Description of a tag in the given language ("zh" or other = English). */
    public String description(String tagId, String language) {
        if ("zh".equals(language)) {
            String zh = descriptionsZh.get(tagId);
            if (zh != null && !zh.isEmpty()) {
                return zh;
            }
        }
        return plant.tag(tagId).map(t -> t.description()).orElse(tagId);
    }

    /** Floor plan: overall size and per-area outlines and equipment boxes, in plan units (metres). */
    public record FloorPlan(double width, double height, List<Shape> shapes) {
    }

    /** A drawn shape: kind is "area", "equipment" or "wall"; points form a closed polygon (or a line for walls). */
    public record Shape(String kind, String id, String label, List<double[]> points) {
    }
}
