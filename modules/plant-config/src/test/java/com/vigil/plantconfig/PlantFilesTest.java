package com.vigil.plantconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Priority;
import com.vigil.model.TagDef;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlantFilesTest {

    @Test
    void demoPlantHasSixAreasAndLimitsFromTheFile() {
        PlantDefinition demo = PlantFiles.demo();
        assertEquals(6, demo.plant().areas().size());
        assertTrue(demo.plant().tags().size() >= 300, "at least 300 tags: " + demo.plant().tags().size());
        TagDef gas = demo.plant().tag("WH.GD11").orElseThrow();
        assertEquals(20.0, gas.limits().h());
        assertEquals(40.0, gas.limits().hh());
        assertEquals(Priority.GRADE_1, gas.limits().hhPriority());
        assertTrue(gas.limits().h() <= 25 && gas.limits().hh() <= 50, "GB/T 50493 gas thresholds");
        assertEquals("仓库可燃气体探测器 GD-11", demo.description("WH.GD11", "zh"));
        assertEquals("Warehouse combustible gas GD-11", demo.description("WH.GD11", "en"));
        assertTrue(demo.floorPlan().shapes().size() >= 6);
    }

    @Test
    void alarmGuidanceComesFromTheFileInBothLanguages() throws Exception {
        PlantDefinition demo = PlantFiles.demo();
        assertTrue(demo.guidance("RX.R201.TT", "zh").contains("冷却水"), demo.guidance("RX.R201.TT", "zh"));
        assertTrue(demo.guidance("RX.R201.TT", "en").contains("cooling-water"), demo.guidance("RX.R201.TT", "en"));
        assertTrue(demo.guidance("WH.GD11", "en").contains("40 %LEL"), "template guidance for every detector");
        assertEquals("", demo.guidance("RX.R201.STEP", "en"), "no guidance configured");
        String yaml = """
                plant: test
                areas:
                  - id: A
                tags:
                  - id: A.T1
                    area: A
                    range: [0, 100]
                    guidance: Open the bypass.
                  - id: A.T2
                    area: A
                    range: [0, 100]
                    guidance: {}
                """;
        PlantFileException e = assertThrows(PlantFileException.class, () -> parse(yaml, "g.yaml"));
        assertEquals(12, e.line());
        assertEquals("guidance", e.field());
        PlantDefinition ok = parse(yaml.replace("guidance: {}", "guidance: {zh: 打开旁路。}"), "g.yaml");
        assertEquals("Open the bypass.", ok.guidance("A.T1", "zh"), "falls back to the other language");
        assertEquals("打开旁路。", ok.guidance("A.T2", "en"));
    }

    @Test
    void errorNamesFileLineAndField() {
        String yaml = """
                plant: test
                areas:
                  - id: A
                tags:
                  - id: A.T1
                    area: A
                    range: [0, 100]
                    limits: {h: 80, hh: 90}
                    priority: {h: seven}
                """;
        PlantFileException e = assertThrows(PlantFileException.class,
                () -> PlantFiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bad.yaml"));
        assertEquals("bad.yaml", e.file());
        assertEquals(9, e.line());
        assertEquals("priority.h", e.field());
        assertTrue(e.getMessage().startsWith("bad.yaml:9: field 'priority.h'"), e.getMessage());
    }

    @Test
    void unknownAreaAndBrokenYamlAreReportedWithLine() {
        String yaml = "plant: t\nareas:\n  - id: A\ntags:\n  - id: X\n    area: B\n    range: [0, 1]\n";
        PlantFileException e = assertThrows(PlantFileException.class,
                () -> PlantFiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "p.yaml"));
        assertEquals(6, e.line());
        assertEquals("area", e.field());

        String broken = "plant: t\nareas: [\n";
        PlantFileException b = assertThrows(PlantFileException.class,
                () -> PlantFiles.parse(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "b.yaml"));
        assertTrue(b.line() >= 2, "line of the YAML error: " + b.getMessage());
    }

    @Test
    void limitsInTheWrongOrderAreRefused() {
        String yaml = "plant: t\nareas:\n  - id: A\ntags:\n  - id: X\n    area: A\n    range: [0, 1]\n    limits: {h: 5, hh: 3}\n";
        PlantFileException e = assertThrows(PlantFileException.class,
                () -> PlantFiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "p.yaml"));
        assertEquals(8, e.line());
        assertTrue(e.getMessage().contains("HH"), e.getMessage());
    }

    private static PlantDefinition parse(String yaml, String name) throws PlantFileException {
        return PlantFiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), name);
    }

    static final String TEMPLATED = """
            plant: t
            areas:
              - id: PS
            templates:
              pump:
                tags:
                  FT: {description: {en: "${label} flow"}, range: [0, 80], limits: {l: "${low}"}, at: [2, 1],
                       sim: {model: lag, sp: "${flow}"}}
                  RUN: {kind: discrete, at: [0, 0]}
            equipment:
              - {id: P1, area: PS, label: P-1, template: pump, outline: [[10, 20], [20, 20], [20, 30], [10, 30]],
                 vars: {flow: 41, low: 20}}
              - {id: P2, area: PS, template: pump, position: [30, 20], vars: {flow: 38, low: 15},
                 override: {FT: {limits: {l: 10}}}}
            tags: []
            """;

    @Test
    void templatesExpandToTagsWithVariablesPositionsAndOverrides() throws Exception {
        PlantDefinition p = parse(TEMPLATED, "t.yaml");
        assertEquals(4, p.plant().tags().size());
        TagDef ft = p.plant().tag("PS.P1.FT").orElseThrow();
        assertEquals("P-1 flow", ft.description());
        assertEquals("P1", ft.equipment());
        assertEquals(12.0, ft.x());
        assertEquals(21.0, ft.y());
        assertEquals(20.0, ft.limits().l());
        assertEquals(41, ((Number) p.simulation().get("PS.P1.FT").get("sp")).intValue());
        assertEquals(10.0, p.plant().tag("PS.P2.FT").orElseThrow().limits().l(), "override");
        assertEquals("P2 flow", p.plant().tag("PS.P2.FT").orElseThrow().description(), "label defaults to the id");
        assertTrue(p.floorPlan().shapes().stream().anyMatch(s -> s.id().equals("P1")), "outline drawn");
    }

    @Test
    void errorsInTemplatesNameTheLineInTheFile() {
        // a bad value inside the template: the template's line
        PlantFileException e = assertThrows(PlantFileException.class,
                () -> parse(TEMPLATED.replace("range: [0, 80]", "range: [80, 0]"), "t.yaml"));
        assertEquals(7, e.line(), e.getMessage());
        // a variable the equipment does not define: the line using it
        e = assertThrows(PlantFileException.class, () -> parse(TEMPLATED.replace("${low}", "${lo}"), "t.yaml"));
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("${lo}"), e.getMessage());
        // an unknown template: the equipment line
        e = assertThrows(PlantFileException.class,
                () -> parse(TEMPLATED.replace("template: pump, position", "template: pmup, position"), "t.yaml"));
        assertEquals(13, e.line(), e.getMessage());
        assertEquals("template", e.field());
        assertTrue(e.getMessage().contains("[pump]"), e.getMessage());
        // a bad override value: the override's line
        e = assertThrows(PlantFileException.class,
                () -> parse(TEMPLATED.replace("override: {FT: {limits: {l: 10}}}", "override: {FT: {kind: analogue}}"),
                        "t.yaml"));
        assertEquals(14, e.line(), e.getMessage());
        assertEquals("kind", e.field());
    }
}
