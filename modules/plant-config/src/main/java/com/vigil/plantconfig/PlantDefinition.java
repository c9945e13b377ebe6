package com.vigil.plantconfig;

import com.vigil.model.Plant;
import java.util.List;
import java.util.Map;

/**
 * What a plant file defines: the domain {@link Plant}, the localized tag descriptions, the floor plan
 * and, per tag, the simulator settings (opaque here; the simulator interprets them).
 */
public record PlantDefinition(Plant plant, Map<String, String> descriptionsZh, FloorPlan floorPlan,
                              Map<String, Map<String, Object>> simulation, Map<String, Map<String, String>> guidance,
                              List<RuleDef> rules) {

    public PlantDefinition {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A plant without composite rules. */
    public PlantDefinition(Plant plant, Map<String, String> descriptionsZh, FloorPlan floorPlan,
                           Map<String, Map<String, Object>> simulation, Map<String, Map<String, String>> guidance) {
        this(plant, descriptionsZh, floorPlan, simulation, guidance, List.of());
    }

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

    /**
     * The label drawn on the floor plan for a piece of equipment (e.g. P-401), given as asset id
     * {@code AREA.EQUIPMENT} or as equipment id; "" when the plan has none.
     */
    public String equipmentLabel(String asset) {
        String equipment = asset.substring(asset.indexOf('.') + 1);
        if (floorPlan != null) {
            for (Shape s : floorPlan.shapes()) {
                if ("equipment".equals(s.kind()) && (equipment.equals(s.id()) || asset.equals(s.id()))
                        && s.label() != null && !s.label().isBlank()) {
                    return s.label();
                }
            }
        }
        return "";
    }

    /** The composite rule with this id, if the plant defines one. */
    public java.util.Optional<RuleDef> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * A composite rule written by an engineer (the plant file's {@code rules}): the condition text in the rule
     * language of the early-warning module (parsed and checked there, not here), the grade of the alarm it raises,
     * the tag the alarm is shown on (null: the first tag the rule reads), the message and the guidance per language
     * ("zh", "en"). {@code file}, {@code line}, {@code whenLine} and {@code field} (e.g. {@code rules[2]}, or
     * {@code templates.batch-reactor.rules[0] (R201)} for a rule a template gives each equipment) let a parse
     * error name where the rule is.
     */
    public record RuleDef(String id, String when, int grade, String tag, Map<String, String> message,
                          Map<String, String> guidance, String file, int line, int whenLine, String field) {
        public RuleDef {
            message = message == null ? Map.of() : Map.copyOf(message);
            guidance = guidance == null ? Map.of() : Map.copyOf(guidance);
        }

        /** The message in the given language ("zh", or other = English), falling back to the other one. */
        public String message(String language) {
            return pick(message, language);
        }

        /** The guidance in the given language, falling back to the other one; "" when none. */
        public String guidance(String language) {
            return pick(guidance, language);
        }

        private static String pick(Map<String, String> texts, String language) {
            String first = "zh".equals(language) ? texts.get("zh") : texts.get("en");
            String other = "zh".equals(language) ? texts.get("en") : texts.get("zh");
            return first != null && !first.isBlank() ? first : other == null ? "" : other;
        }
    }

    /** Floor plan: overall size and per-area outlines and equipment boxes, in plan units (metres). */
    public record FloorPlan(double width, double height, List<Shape> shapes) {
    }

    /** A drawn shape: kind is "area", "equipment" or "wall"; points form a closed polygon (or a line for walls). */
    public record Shape(String kind, String id, String label, List<double[]> points) {
    }
}
