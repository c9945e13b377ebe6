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
        assertTrue(demo.plant().tags().size() >= 20, "at least 20 tags");
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
}
