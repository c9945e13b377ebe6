package com.vigil.plantconfig;

import com.vigil.model.Plant;
import java.util.List;
import java.util.Map;

/**
 * What a plant file defines: the domain {@link Plant}, the localized tag descriptions, the floor plan
 * and, per tag, the simulator settings (opaque here; the simulator interprets them).
 */
public record PlantDefinition(Plant plant, Map<String, String> descriptionsZh, FloorPlan floorPlan,
                              Map<String, Map<String, Object>> simulation) {

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
