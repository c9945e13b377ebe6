package com.vigil.plantconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands an {@code equipment} entry that names a {@code template} into ordinary tag entries, so a plant
 * file describes 300 tags as a few dozen readable lines:
 *
 * <pre>
 * templates:
 *   pump:
 *     tags:
 *       FT: {description: {en: "${label} discharge flow"}, unit: m³/h, range: [0, 80], at: [2, 2],
 *            sim: {model: pump, nominal: ${flow}}}
 * equipment:
 *   - {id: P403, area: PS, label: P-403, template: pump, outline: [[8, 54], [20, 54], [20, 62], [8, 62]],
 *      vars: {flow: 40}, override: {FT: {limits: {l: 15}}}}
 * </pre>
 *
 * gives tag {@code PS.P403.FT} at the anchor (first outline point, or {@code position}) plus {@code at}.
 * Expanded nodes remember the node of the file they came from, so errors still name a real line.
 */
final class Templates {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final PlantFiles.Reader reader;
    private final JsonNode templates;

    Templates(PlantFiles.Reader reader, JsonNode templates) {
        this.reader = reader;
        this.templates = templates;
    }

    List<JsonNode> expand(JsonNode eq) throws PlantFileException {
        String name = reader.text(eq, "template", true);
        JsonNode tpl = templates == null ? null : templates.get(name);
        if (tpl == null) {
            List<String> known = new ArrayList<>();
            if (templates != null) {
                templates.fieldNames().forEachRemaining(known::add);
            }
            throw reader.error(eq.get("template"), "template", "unknown template '" + name + "' (defined: " + known + ")");
        }
        String id = reader.text(eq, "id", true);
        String area = reader.text(eq, "area", true);
        String label = reader.text(eq, "label", false);
        double[] anchor;
        if (eq.has("position")) {
            anchor = reader.pair(eq, "position");
        } else if (eq.has("outline")) {
            anchor = reader.points(eq, "outline").get(0);
        } else {
            throw reader.error(eq, "position", "equipment with a template needs 'outline' or 'position'");
        }
        Map<String, JsonNode> vars = vars(eq, label);
        JsonNode tags = tpl.get("tags");
        if (tags == null || !tags.isObject()) {
            throw reader.error(tags == null ? tpl : tags, "tags", "template '" + name + "' needs 'tags' (suffix: tag)");
        }
        JsonNode overrides = eq.get("override");
        List<JsonNode> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String suffix = e.getKey();
            JsonNode body = e.getValue();
            if (!body.isObject()) {
                throw reader.error(body, suffix, "expected the tag's fields");
            }
            ObjectNode t = F.objectNode();
            reader.origin.put(t, eq);
            String tagId = "_".equals(suffix) ? area + "." + id : area + "." + id + "." + suffix;
            t.set("id", remember(F.textNode(tagId), eq.get("id")));
            t.set("area", remember(F.textNode(area), eq.get("area")));
            if (!"_".equals(suffix)) {
                // a single-tag instance (a detector) is not equipment: it sits directly in its area
                t.set("equipment", remember(F.textNode(id), eq.get("id")));
            }
            copyFields(body, t, vars, anchor);
            JsonNode ov = overrides == null ? null : overrides.get(suffix);
            if (ov != null) {
                if (!ov.isObject()) {
                    throw reader.error(ov, "override." + suffix, "expected the fields to replace");
                }
                copyFields(ov, t, vars, anchor);
            }
            out.add(t);
        }
        if (overrides != null) {
            for (Iterator<String> it = overrides.fieldNames(); it.hasNext(); ) {
                String s = it.next();
                if (!tags.has(s)) {
                    throw reader.error(overrides.get(s), "override." + s, "template '" + name + "' has no tag '" + s + "'");
                }
            }
        }
        return out;
    }

    /** The variables of an equipment entry: id, area, label, prefix ({@code <area>.<id>}) and its {@code vars}. */
    private Map<String, JsonNode> vars(JsonNode eq, String label) throws PlantFileException {
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        vars.put("id", eq.get("id"));
        vars.put("area", eq.get("area"));
        vars.put("label", label == null ? eq.get("id") : eq.get("label"));
        vars.put("prefix", F.textNode(eq.get("area").asText() + "." + eq.get("id").asText()));
        JsonNode v = eq.get("vars");
        if (v != null) {
            if (!v.isObject()) {
                throw reader.error(v, "vars", "expected a mapping of name: value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw reader.error(e.getValue(), "vars." + e.getKey(), "expected a number or text");
                }
                vars.put(e.getKey(), e.getValue());
            }
        }
        return vars;
    }

    /** A rule node to read: the node (already substituted for a template), its field name for errors, the id prefix. */
    record RuleNode(JsonNode node, String field, String prefix) { }

    /**
     * The template's {@code rules} for this equipment, with {@code ${var}} substituted (e.g. {@code ${prefix}.TT});
     * ids are prefixed with {@code <area>.<id>} by the reader.
     */
    List<RuleNode> expandRules(JsonNode eq) throws PlantFileException {
        String name = reader.text(eq, "template", true);
        JsonNode tpl = templates == null ? null : templates.get(name);
        if (tpl == null || !tpl.has("rules")) {
            return List.of();
        }
        JsonNode rules = tpl.get("rules");
        if (!rules.isArray()) {
            throw reader.error(rules, "templates." + name + ".rules", "expected a list");
        }
        String id = reader.text(eq, "id", true);
        String area = reader.text(eq, "area", true);
        Map<String, JsonNode> vars = vars(eq, reader.text(eq, "label", false));
        List<RuleNode> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            out.add(new RuleNode(substitute(rules.get(i), vars), "templates." + name + ".rules[" + i + "] (" + id + ")",
                    area + "." + id));
        }
        return out;
    }

    private void copyFields(JsonNode body, ObjectNode t, Map<String, JsonNode> vars, double[] anchor)
            throws PlantFileException {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if ("at".equals(f.getKey())) {
                double[] d = reader.pair(body, "at");
                ArrayNode p = F.arrayNode().add(anchor[0] + d[0]).add(anchor[1] + d[1]);
                t.set("position", remember(p, f.getValue()));
            } else if ("sim".equals(f.getKey()) && t.get("sim") instanceof ObjectNode old && f.getValue().isObject()) {
                // an override's sim settings refine the template's instead of replacing them
                ObjectNode merged = old.deepCopy();
                reader.origin.put(merged, f.getValue());
                JsonNode sub = substitute(f.getValue(), vars);
                sub.fields().forEachRemaining(x -> merged.set(x.getKey(), x.getValue()));
                t.set("sim", merged);
            } else {
                t.set(f.getKey(), substitute(f.getValue(), vars));
            }
        }
    }

    private JsonNode remember(JsonNode made, JsonNode from) {
        reader.origin.put(made, from);
        return made;
    }

    /** Replaces {@code ${var}}; a value that is only {@code ${var}} takes the variable's type (number stays number). */
    private JsonNode substitute(JsonNode n, Map<String, JsonNode> vars) throws PlantFileException {
        if (n.isTextual()) {
            String s = n.asText();
            if (!s.contains("${")) {
                return n;
            }
            Matcher whole = VAR.matcher(s);
            if (whole.matches()) {
                return remember(lookup(whole.group(1), vars, n).deepCopy(), n);
            }
            Matcher m = VAR.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(lookup(m.group(1), vars, n).asText()));
            }
            m.appendTail(sb);
            return remember(F.textNode(sb.toString()), n);
        }
        if (n.isObject()) {
            ObjectNode o = F.objectNode();
            remember(o, n);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), substitute(e.getValue(), vars));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = F.arrayNode();
            remember(a, n);
            for (JsonNode x : n) {
                a.add(substitute(x, vars));
            }
            return a;
        }
        return n;
    }

    private JsonNode lookup(String name, Map<String, JsonNode> vars, JsonNode at) throws PlantFileException {
        JsonNode v = vars.get(name);
        if (v == null) {
            throw reader.error(at, "${" + name + "}", "unknown variable (the equipment defines " + vars.keySet() + ")");
        }
        return v;
    }
}
