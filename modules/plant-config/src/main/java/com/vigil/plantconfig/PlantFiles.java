package com.vigil.plantconfig;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Plant;
import com.vigil.model.Priority;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads plant definitions from YAML. Every error names the file, the line and the field.
 *
 * <p>Format (see {@code assets/plants/demo-plant.yaml}): {@code plant}, {@code areas} (id, name.zh,
 * name.en, outline), {@code equipment} (id, area, label, outline), {@code walls}, {@code tags} (id, area,
 * equipment, description.zh/en, guidance.zh/en (what to do on an alarm), kind analog|discrete, unit, range [lo, hi], normal [lo, hi], limits {hh,
 * h, l, ll, offNormal}, priority {hh, h, l, ll}, deadband, position [x, y], sim {...}), {@code rules} (id, when,
 * grade, tag, message.zh/en, guidance.zh/en: composite rules, see {@link PlantDefinition.RuleDef}).
 *
 * <p>Compact form: {@code templates} name sets of tags (keyed by id suffix, positions {@code at: [dx, dy]}
 * relative to the equipment's anchor); an {@code equipment} entry with {@code template}, {@code area} and
 * optional {@code vars} / {@code override} expands to tags {@code <area>.<equipment>.<suffix>} (suffix
 * {@code _}: {@code <area>.<equipment>}). Text and numbers may use {@code ${var}} ({@code id}, {@code label},
 * {@code area} and the equipment's {@code vars}). Errors in expanded tags name the line in the template or
 * in the equipment entry the value came from. See {@link Templates}.
 */
public final class PlantFiles {
    /** Classpath name of the demo plant shipped with Vigil. */
    public static final String DEMO_RESOURCE = "plants/demo-plant.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PlantFiles() {
    }

    /** The plant file given by a command-line option, or the built-in demo plant when none was given. */
    public static PlantDefinition loadOrDemo(Path file) throws PlantFileException {
        return file == null ? demo() : load(file);
    }

    public static PlantDefinition load(Path file) throws PlantFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new PlantFileException(file.toString(), 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The demo plant that ships inside Vigil. */
    public static PlantDefinition demo() {
        try (InputStream in = PlantFiles.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo plant resource missing: " + DEMO_RESOURCE);
            }
            return parse(in, DEMO_RESOURCE);
        } catch (IOException | PlantFileException e) {
            throw new IllegalStateException("the built-in demo plant is broken: " + e.getMessage(), e);
        }
    }

    public static PlantDefinition parse(InputStream in, String fileName) throws PlantFileException {
        JsonNode root;
        Map<String, Integer> lines = new java.util.HashMap<>();
        try {
            byte[] bytes = in.readAllBytes();
            root = YAML.readTree(bytes);
            try (com.fasterxml.jackson.core.JsonParser jp = YAML.getFactory().createParser(bytes)) {
                while (jp.nextToken() != null) {
                    String ptr = jp.getParsingContext().pathAsPointer().toString();
                    lines.putIfAbsent(ptr, jp.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new PlantFileException(fileName, loc == null ? 0 : loc.getLineNr(), null,
                    "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PlantFileException(fileName, 0, null, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PlantFileException(fileName, 1, null, "expected a mapping with 'plant', 'areas' and 'tags'", null);
        }
        return new Reader(fileName, root, lines).read();
    }

    /** Walks the tree; tracks the line of the node being read for error messages. */
    static final class Reader {
        private final String file;
        private final JsonNode root;
        private final Map<String, Integer> lines;
        private final java.util.IdentityHashMap<JsonNode, String> paths = new java.util.IdentityHashMap<>();
        /** Nodes made by template expansion, mapped to the node in the file they came from (for line numbers). */
        final java.util.IdentityHashMap<JsonNode, JsonNode> origin = new java.util.IdentityHashMap<>();

        Reader(String file, JsonNode root, Map<String, Integer> lines) {
            this.file = file;
            this.root = root;
            this.lines = lines;
            index(root, "");
        }

        /** Remembers the JSON pointer of every node so errors can name its line. */
        private void index(JsonNode n, String path) {
            paths.put(n, path);
            if (n.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    index(e.getValue(), path + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
                }
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    index(n.get(i), path + "/" + i);
                }
            }
        }

        PlantDefinition read() throws PlantFileException {
            String name = text(root, "plant", true);
            List<Area> areas = new ArrayList<>();
            List<PlantDefinition.Shape> shapes = new ArrayList<>();
            JsonNode areasNode = array(root, "areas");
            for (JsonNode a : areasNode) {
                String id = text(a, "id", true);
                JsonNode n = a.get("name");
                String zh = n == null ? id : text(n, "zh", false);
                String en = n == null ? id : text(n, "en", false);
                areas.add(new Area(id, zh == null ? id : zh, en == null ? id : en));
                if (a.has("outline")) {
                    shapes.add(new PlantDefinition.Shape("area", id, en, points(a, "outline")));
                }
            }
            List<JsonNode> expanded = new ArrayList<>();
            List<Templates.RuleNode> templateRules = new ArrayList<>();
            if (root.has("equipment")) {
                for (JsonNode e : array(root, "equipment")) {
                    if (e.has("outline") || !e.has("template")) {
                        shapes.add(new PlantDefinition.Shape("equipment", text(e, "id", true),
                                text(e, "label", false), points(e, "outline")));
                    }
                    if (e.has("template")) {
                        Templates t = new Templates(this, root.get("templates"));
                        expanded.addAll(t.expand(e));
                        templateRules.addAll(t.expandRules(e));
                    }
                }
            }
            if (root.has("walls")) {
                for (JsonNode w : array(root, "walls")) {
                    shapes.add(new PlantDefinition.Shape("wall", "", "", points(w, "line")));
                }
            }
            double[] size = root.has("size") ? pair(root, "size") : new double[] {100, 60};

            List<TagDef> tags = new ArrayList<>();
            Map<String, String> zh = new LinkedHashMap<>();
            Map<String, Map<String, Object>> sim = new LinkedHashMap<>();
            Map<String, Map<String, String>> guidance = new LinkedHashMap<>();
            List<JsonNode> tagNodes = new ArrayList<>();
            array(root, "tags").forEach(tagNodes::add);
            tagNodes.addAll(expanded);
            for (JsonNode t : tagNodes) {
                TagDef def = tag(t);
                if (areas.stream().noneMatch(a -> a.id().equals(def.area()))) {
                    throw error(t.get("area"), "area", "unknown area '" + def.area() + "' (defined: "
                            + areas.stream().map(Area::id).toList() + ")");
                }
                if (tags.stream().anyMatch(o -> o.id().equals(def.id()))) {
                    throw error(t.get("id"), "id", "duplicate tag id '" + def.id() + "'");
                }
                tags.add(def);
                JsonNode d = t.get("description");
                if (d != null && d.isObject() && d.has("zh")) {
                    zh.put(def.id(), d.get("zh").asText());
                }
                Map<String, String> texts = texts(t, "guidance");
                if (texts != null) {
                    guidance.put(def.id(), texts);
                }
                if (t.has("sim")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = YAML.convertValue(t.get("sim"), LinkedHashMap.class);
                    sim.put(def.id(), m);
                }
            }
            List<PlantDefinition.RuleDef> rules = rules(tags, templateRules);
            try {
                return new PlantDefinition(new Plant(name, areas, tags), zh,
                        new PlantDefinition.FloorPlan(size[0], size[1], shapes), sim, guidance, rules);
            } catch (IllegalArgumentException e) {
                throw new PlantFileException(file, 0, null, e.getMessage(), e);
            }
        }

        /** Text per language: {@code {zh: "…", en: "…"}}, or plain text (English); null when the field is absent. */
        private Map<String, String> texts(JsonNode n, String field) throws PlantFileException {
            return texts(n, field, "");
        }

        private Map<String, String> texts(JsonNode n, String key, String at) throws PlantFileException {
            String field = at + key;
            JsonNode g = n.get(key);
            if (g == null) {
                return null;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            if (g.isObject()) {
                for (String lang : List.of("zh", "en")) {
                    if (g.has(lang)) {
                        texts.put(lang, g.get(lang).asText());
                    }
                }
                if (texts.isEmpty()) {
                    throw error(g, field, "give the text as {zh: \"…\", en: \"…\"} or as plain text");
                }
            } else if (g.isValueNode()) {
                texts.put("en", g.asText());
            } else {
                throw error(g, field, "give the text as {zh: \"…\", en: \"…\"} or as plain text");
            }
            return texts;
        }

        /**
         * The composite rules ({@code rules}: id, when, grade 1..4, optional tag, message and guidance as
         * {zh, en}). The condition is kept as text: the early-warning module parses it and names the line and
         * column of a mistake; here the fields around it are checked.
         */
        /**
         * The composite rules: the file's {@code rules} list and the rules templates give each of their equipment
         * (id {@code <area>.<equipment>:<rule id>}, {@code tag} a suffix of the equipment's tags, {@code ${var}} in
         * the condition and texts). Each: id, when, grade 1..4, optional tag, message and guidance as {zh, en}. The
         * condition is kept as text: the early-warning module parses it and names the line and column of a
         * mistake; here the fields around it are checked.
         */
        private List<PlantDefinition.RuleDef> rules(List<TagDef> tags, List<Templates.RuleNode> fromTemplates)
                throws PlantFileException {
            List<Templates.RuleNode> nodes = new ArrayList<>();
            if (root.has("rules")) {
                JsonNode list = array(root, "rules");
                for (int i = 0; i < list.size(); i++) {
                    nodes.add(new Templates.RuleNode(list.get(i), "rules[" + i + "]", null));
                }
            }
            nodes.addAll(fromTemplates);
            List<PlantDefinition.RuleDef> out = new ArrayList<>();
            for (Templates.RuleNode n : nodes) {
                JsonNode r = n.node();
                String at = n.field() + ".";
                if (!r.isObject()) {
                    throw error(r, n.field(), "each rule is a mapping with id, when, grade and message");
                }
                String given = text(r, "id", true, at);
                String id = n.prefix() == null ? given : n.prefix() + ":" + given;
                if (out.stream().anyMatch(o -> o.id().equals(id))) {
                    throw errorAt(r, "id", at + "id", "duplicate rule id '" + id + "'");
                }
                String when = text(r, "when", true, at);
                JsonNode g = r.get("grade");
                if (g == null || !g.isIntegralNumber() || g.asInt() < 1 || g.asInt() > 4) {
                    throw errorAt(r, "grade", at + "grade", "must be a grade 1..4, was '"
                            + (g == null ? "missing" : g.asText()) + "'");
                }
                String tagText = text(r, "tag", false, at);
                // in a template, tag is a suffix of the equipment's tags (TT, or _ for the equipment's own tag)
                String tag = tagText == null || n.prefix() == null || tagText.equals(n.prefix())
                        || tagText.startsWith(n.prefix() + ".") ? tagText
                        : "_".equals(tagText) ? n.prefix() : n.prefix() + "." + tagText;
                if (tag != null && tags.stream().noneMatch(d -> d.id().equals(tag))) {
                    throw errorAt(r, "tag", at + "tag", "unknown tag '" + tag + "'");
                }
                Map<String, String> message = texts(r, "message", at);
                if (message == null) {
                    throw error(r, at + "message", "is required: what the operator reads, as {zh: \"…\", en: \"…\"}");
                }
                out.add(new PlantDefinition.RuleDef(id, when, g.asInt(), tag, message, texts(r, "guidance", at), file,
                        lineOf(r), lineOfKey(r, "when"), n.field()));
            }
            return out;
        }

        private TagDef tag(JsonNode t) throws PlantFileException {
            String id = text(t, "id", true);
            String area = text(t, "area", true);
            String kindText = t.has("kind") ? text(t, "kind", true) : "analog";
            TagKind kind;
            switch (kindText) {
                case "analog" -> kind = TagKind.ANALOG;
                case "discrete" -> kind = TagKind.DISCRETE;
                default -> throw error(t.get("kind"), "kind", "must be 'analog' or 'discrete', was '" + kindText + "'");
            }
            String desc = "";
            JsonNode d = t.get("description");
            if (d != null) {
                desc = d.isObject() ? (d.has("en") ? d.get("en").asText() : "") : d.asText();
            }
            double[] range = kind == TagKind.ANALOG ? pair(t, "range") : new double[] {0, 1};
            double[] normal = t.has("normal") ? pair(t, "normal") : range;
            Limits limits = limits(t, id);
            double[] pos = t.has("position") ? pair(t, "position") : new double[] {0, 0};
            try {
                return new TagDef(id, area, text(t, "equipment", false), desc, kind, text(t, "unit", false),
                        range[0], range[1], normal[0], normal[1], limits, pos[0], pos[1]);
            } catch (IllegalArgumentException e) {
                throw error(t.has("range") ? t.get("range") : t, "range", e.getMessage());
            }
        }

        private Limits limits(JsonNode t, String id) throws PlantFileException {
            JsonNode l = t.get("limits");
            if (l == null) {
                return Limits.NONE;
            }
            JsonNode p = t.get("priority");
            try {
                return new Limits(num(l, "hh"), num(l, "h"), num(l, "l"), num(l, "ll"), num(l, "offNormal"),
                        prio(p, "hh", Priority.GRADE_2), prio(p, "h", Priority.GRADE_3),
                        prio(p, "l", Priority.GRADE_3), prio(p, "ll", Priority.GRADE_2),
                        t.has("deadband") ? number(t, "deadband") : 0);
            } catch (IllegalArgumentException e) {
                throw error(l, "limits", "tag " + id + ": " + e.getMessage());
            }
        }

        private Priority prio(JsonNode p, String key, Priority dflt) throws PlantFileException {
            if (p == null || !p.has(key)) {
                return dflt;
            }
            JsonNode v = p.get(key);
            if (!v.canConvertToInt() || v.asInt() < 1 || v.asInt() > 4) {
                throw error(v, "priority." + key, "must be a grade 1..4, was '" + v.asText() + "'");
            }
            return Priority.ofGrade(v.asInt());
        }

        private Double num(JsonNode n, String key) throws PlantFileException {
            if (!n.has(key) || n.get(key).isNull()) {
                return null;
            }
            return number(n, key);
        }

        double number(JsonNode n, String key) throws PlantFileException {
            JsonNode v = n.get(key);
            if (v == null || !v.isNumber()) {
                throw error(v == null ? n : v, key, "expected a number, was '" + (v == null ? "missing" : v.asText()) + "'");
            }
            return v.asDouble();
        }

        double[] pair(JsonNode n, String key) throws PlantFileException {
            JsonNode v = n.get(key);
            if (v == null || !v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
                throw error(v == null ? n : v, key, "expected [low, high] (two numbers)");
            }
            return new double[] {v.get(0).asDouble(), v.get(1).asDouble()};
        }

        List<double[]> points(JsonNode n, String key) throws PlantFileException {
            JsonNode v = n.get(key);
            if (v == null || !v.isArray()) {
                throw error(v == null ? n : v, key, "expected a list of [x, y] points");
            }
            List<double[]> pts = new ArrayList<>();
            for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
                JsonNode p = it.next();
                if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw error(p, key, "expected [x, y]");
                }
                pts.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
            }
            return pts;
        }

        JsonNode array(JsonNode n, String key) throws PlantFileException {
            JsonNode v = n.get(key);
            if (v == null || !v.isArray()) {
                throw error(v == null ? n : v, key, "expected a list");
            }
            return v;
        }

        String text(JsonNode n, String key, boolean required) throws PlantFileException {
            return text(n, key, required, "");
        }

        /** {@code at}: prefix of the field name in error messages, e.g. {@code rules[2].}. */
        String text(JsonNode n, String key, boolean required, String at) throws PlantFileException {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(n, at + key, "is required");
                }
                return null;
            }
            if (!v.isValueNode()) {
                throw error(v, at + key, "expected text");
            }
            String s = v.asText().trim();
            if (required && s.isEmpty()) {
                throw errorAt(n, key, at + key, "must not be empty");
            }
            return s;
        }

        PlantFileException error(JsonNode at, String field, String problem) {
            return new PlantFileException(file, lineOf(at), field, problem, null);
        }

        /**
         * An error about the value of {@code key} in {@code parent}, located by the key's path: small numbers, booleans
         * and empty text are shared nodes in Jackson, so looking the value itself up could name another line.
         */
        PlantFileException errorAt(JsonNode parent, String key, String field, String problem) {
            return new PlantFileException(file, lineOfKey(parent, key), field, problem, null);
        }

        int lineOfKey(JsonNode parent, String key) {
            JsonNode p = parent;
            for (int hops = 0; origin.containsKey(p) && hops < 10; hops++) {
                p = origin.get(p);
            }
            String path = paths.get(p);
            if (path != null) {
                Integer l = lines.get(path + "/" + key.replace("~", "~0").replace("/", "~1"));
                if (l != null) {
                    return l;
                }
            }
            return lineOf(parent);
        }

        private int lineOf(JsonNode at) {
            if (at == null) {
                return 0;
            }
            for (int hops = 0; origin.containsKey(at) && hops < 10; hops++) {
                at = origin.get(at);
            }
            String path = paths.get(at);
            if (path == null) {
                return 0;
            }
            // the pointer of a value names the line of its key; walk up until a known one is found
            while (true) {
                Integer l = lines.get(path);
                if (l != null || path.isEmpty()) {
                    return l == null ? 0 : l;
                }
                path = path.substring(0, path.lastIndexOf('/'));
            }
        }
    }

}
