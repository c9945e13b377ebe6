package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmView;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.app.runtime.CompositeRuleAlarms;
import com.vigil.app.runtime.SimulatedPlantFeed;
import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.model.SampleBatchListener;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFileException;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.sim.scenario.Scenarios;
import com.vigil.sim.scenario.TruthEvent;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.ui.kit.I18n;
import com.vigil.warning.online.OnlineCompositeRules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The plant file's composite rules run over the simulated demo plant and enter the alarm engine as ordinary alarms:
 * a cooling failure is caught by its rule before the reactor temperature trips HH, a normal period raises no rule,
 * and a mistake in a rule names the file, the line, the field and the column.
 */
class CompositeRulesTest {
    static final PlantDefinition PLANT = PlantFiles.demo();

    /** One simulated run, watched by two consoles: one with an operator present, one unattended. */
    record Run(AlarmEngine engine, AlarmEngine unattended, List<TruthEvent> truth) { }

    static Run simulate(long seed, double hours, String scenario) throws Exception {
        PlantDynamics dyn = new PlantDynamics(PLANT, seed);
        List<TruthEvent> truth = new ArrayList<>();
        dyn.onTruth(truth::add);
        if (scenario != null) {
            dyn.schedule(Scenarios.parseCli(scenario));
        }
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(dyn.clock().millis()));
        AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(PLANT.plant()), clock, new InMemoryAlarmJournal());
        AlarmEngine unattended = new AlarmEngine(AlarmConfig.fromPlant(PLANT.plant()), clock, new InMemoryAlarmJournal());
        List<OnlineCompositeRules.Definition> defs = CompositeRuleAlarms.compile(PLANT);
        OnlineCompositeRules rules = new OnlineCompositeRules(defs, new CompositeRuleAlarms(engine, PLANT, defs));
        rules.setVariable(OnlineCompositeRules.OPERATOR_PRESENT, true);
        OnlineCompositeRules nobody = new OnlineCompositeRules(defs, new CompositeRuleAlarms(unattended, PLANT, defs));
        nobody.setVariable(OnlineCompositeRules.OPERATOR_PRESENT, false);
        SampleBatchListener tickClock = batch -> clock.set(Instant.ofEpochMilli(batch.get(0).timeMillis()));
        SimulatedPlantFeed.run(dyn, hours * 3600, List.of(tickClock, engine, rules, nobody));
        return new Run(engine, unattended, truth);
    }

    static List<AlarmView> ruleAlarms(AlarmEngine engine) {
        return engine.activeAlarms().stream().filter(a -> a.id().startsWith(CompositeRuleAlarms.ID_PREFIX)).toList();
    }

    @Test
    void demoPlantRulesCompile() throws Exception {
        List<OnlineCompositeRules.Definition> defs = CompositeRuleAlarms.compile(PLANT);
        assertEquals(List.of("reactor-hot-unattended", "RX.R201:heating-without-cooling", "RX.R202:heating-without-cooling",
                "RX.R203:heating-without-cooling"), defs.stream().map(OnlineCompositeRules.Definition::id).toList(),
                "the file's rules, then those the batch-reactor template gives each reactor");
        assertEquals(120_000, defs.get(0).rule().forMillis(), "a block scalar over three lines: 'for 2m' on the last");
        PlantDefinition.RuleDef r202 = PLANT.rule("RX.R202:heating-without-cooling").orElseThrow();
        assertEquals("rate(RX.R202.TT, 5m) > 0.2 and RX.R202.CWF < 45 for 1m", r202.when(), "${prefix} substituted");
        assertEquals("RX.R202.TT", r202.tag(), "tag is a suffix in a template");
        assertEquals("R-202 heating up without enough cooling water", r202.message("en"), "${label} substituted");
    }

    private static Run coolingFailure;

    /** A cooling failure of R-201 20 min into the run, until 20 min after its temperature trips. */
    static synchronized Run coolingFailure() throws Exception {
        if (coolingFailure == null) {
            coolingFailure = simulate(42, 1.5, "cooling-failure@20m");
        }
        return coolingFailure;
    }

    @Test
    void coolingFailureIsCaughtByItsRuleBeforeTheTemperatureTrips() throws Exception {
        Run run = coolingFailure();
        Instant start = run.truth().stream().filter(e -> "START".equals(e.event())).findFirst().orElseThrow().time();
        Instant hh = run.truth().stream().filter(e -> "CROSS".equals(e.event()) && "RX.R201.TT".equals(e.tag())
                && "HH".equals(e.limit())).findFirst().map(TruthEvent::time).orElseThrow();
        List<AlarmView> rules = run.engine().activeAlarms().stream()
                .filter(a -> a.id().startsWith(CompositeRuleAlarms.ID_PREFIX)).toList();
        AlarmView rule = run.engine().alarm("RULE:RX.R201:heating-without-cooling").orElseThrow(
                () -> new AssertionError("rule not raised; rule alarms: " + rules));
        assertTrue(rule.activationTime().isAfter(start), "after the cooling failed");
        double leadMin = (hh.toEpochMilli() - rule.activationTime().toEpochMilli()) / 60_000.0;
        assertTrue(leadMin >= 10, "raised at least 10 min before TT HH: " + leadMin + " min");
        assertEquals(2, rule.priority().grade());
        assertEquals("RX.R201.TT", rule.tag());
        assertTrue(rule.valueAtActivation() > 100, "the reactor temperature when raised: " + rule.valueAtActivation());
        assertEquals(List.of("RULE:RX.R201:heating-without-cooling"), rules.stream().map(AlarmView::id).toList(),
                "the other reactors' rules stay quiet, and with an operator present the unattended rule too");

        // the alarm list shows the rule's message and guidance in the operator's language
        AlarmRow zh = row(run.engine(), Locale.SIMPLIFIED_CHINESE, rule.id());
        assertEquals("R-201 冷却水不足且反应温度持续上升", zh.description());
        assertEquals("规则预警", zh.type());
        assertTrue(zh.valueText().matches("\\d+\\.\\d+ °C"), "the temperature when raised, no limit: " + zh.valueText());
        assertTrue(zh.guidance().startsWith("1. 立即停止进料"), zh.guidance());
        AlarmRow en = row(run.engine(), Locale.ENGLISH, rule.id());
        assertEquals("R-201 heating up without enough cooling water", en.description());
        assertTrue(en.guidance().startsWith("1. Stop the feed"), en.guidance());
    }

    @Test
    void nobodyAtTheConsoleWhileAReactorIsHotRaisesTheUnattendedRule() throws Exception {
        Run run = coolingFailure();
        AlarmView unattended = run.unattended().alarm("RULE:reactor-hot-unattended").orElseThrow();
        assertEquals(1, unattended.priority().grade());
        assertEquals("RX.R201.TT", unattended.tag(), "shown on the first tag the rule reads");
        Instant h = run.truth().stream().filter(e -> "CROSS".equals(e.event()) && "RX.R201.TT".equals(e.tag())
                && "H".equals(e.limit())).findFirst().map(TruthEvent::time).orElseThrow();
        long after = unattended.activationTime().toEpochMilli() - h.toEpochMilli();
        // the rule reads the published (noisy) value: a dip under 172 restarts the 2 min
        assertTrue(after >= 120_000 && after < 600_000, "2 min after TT stayed above H 172: " + after + " ms");
    }

    @Test
    void normalOperationRaisesNoRule() throws Exception {
        Run run = simulate(43, 4, null);
        assertEquals(List.of(), ruleAlarms(run.engine()), "4 h of normal operation");
        assertEquals(List.of(), ruleAlarms(run.unattended()), "4 h of normal operation, nobody at the console");
    }

    static AlarmRow row(AlarmEngine engine, Locale locale, String id) {
        AlarmUiAdapter ui = new AlarmUiAdapter(engine, PLANT, new I18n(locale), () -> new Actor("op", Role.OPERATOR),
                new CompletableFuture<>());
        return ui.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static final String PLANT_YAML = """
            plant: test
            areas:
              - id: A
            tags:
              - id: A.T1
                area: A
                range: [0, 100]
            rules:
              - id: ok
                when: "A.T1 > 50 for 1m"
                grade: 3
                message: {zh: 温度高, en: Temperature high}
              - id: broken
                when: |
                  A.T1 > 80
                    and rate(A.T1 5m) > 1
                grade: 2
                message: Rising fast
            """;

    static PlantDefinition parse(String yaml) throws PlantFileException {
        return PlantFiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rules.yaml");
    }

    @Test
    void aMistakeInATemplateRuleNamesTheTemplatesLineAndTheEquipment() throws Exception {
        String yaml = """
                plant: test
                areas:
                  - id: A
                templates:
                  pump:
                    tags:
                      PT: {range: [0, 10], at: [0, 0]}
                      FT: {range: [0, 80], at: [1, 0]}
                    rules:
                      - id: dry-run
                        when: "${prefix}.FT < 5 and ${prefix}.PT >> 2 for 30s"
                        grade: 2
                        tag: FT
                        message: {en: "${label} running dry"}
                equipment:
                  - {id: P1, area: A, label: P-1, template: pump, position: [0, 0]}
                  - {id: P2, area: A, label: P-2, template: pump, position: [5, 0]}
                tags: []
                """;
        PlantFileException e = assertThrows(PlantFileException.class, () -> CompositeRuleAlarms.compile(parse(yaml)));
        assertEquals(11, e.line(), "the template's line: " + e.getMessage());
        assertEquals("templates.pump.rules[0] (P1).when", e.field());
        assertTrue(e.getMessage().contains("rule 'A.P1:dry-run', line 1, column 26: expected a number, tag, function or '(' "
                + "but found '>' (in \"A.P1.FT < 5 and A.P1.PT >> 2 for 30s\")"), "the position is in the substituted text: "
                + e.getMessage());
        PlantDefinition ok = parse(yaml.replace(">> 2", "> 2"));
        assertEquals(List.of("A.P1:dry-run", "A.P2:dry-run"), CompositeRuleAlarms.compile(ok).stream()
                .map(OnlineCompositeRules.Definition::id).toList());
        assertEquals("A.P2.FT", ok.rule("A.P2:dry-run").orElseThrow().tag());
        assertEquals("P-2 running dry", ok.rule("A.P2:dry-run").orElseThrow().message("zh"));
    }

    @Test
    void aMistakeInARuleNamesFileLineFieldAndColumn() throws Exception {
        PlantFileException e = assertThrows(PlantFileException.class, () -> CompositeRuleAlarms.compile(parse(PLANT_YAML)));
        assertEquals("rules.yaml", e.file());
        assertEquals(14, e.line(), e.getMessage());
        assertEquals("rules[1].when", e.field());
        assertTrue(e.getMessage().contains("rule 'broken', line 2, column 17: expected ','"), e.getMessage());

        PlantFileException unknown = assertThrows(PlantFileException.class, () -> CompositeRuleAlarms.compile(
                parse(PLANT_YAML.replace("rate(A.T1 5m)", "rate(A.T2, 5m)"))));
        assertTrue(unknown.getMessage().contains("line 2, column 12: unknown tag 'A.T2'"), unknown.getMessage());

        PlantFileException grade = assertThrows(PlantFileException.class, () -> parse(PLANT_YAML.replace("grade: 3", "grade: 5")));
        assertEquals("rules[0].grade", grade.field());
        assertEquals(11, grade.line());
        // 0 is also in "range: [0, 100]" (line 7): Jackson shares small-number nodes, the line still is the grade's
        assertEquals(11, assertThrows(PlantFileException.class, () -> parse(PLANT_YAML.replace("grade: 3", "grade: 0"))).line());
        assertTrue(assertThrows(PlantFileException.class, () -> parse(PLANT_YAML.replace("grade: 3", "grade: 2.5")))
                .getMessage().contains("must be a grade 1..4, was '2.5'"), "not silently 2");
        PlantFileException message = assertThrows(PlantFileException.class, () -> parse(PLANT_YAML.replace(
                "    message: Rising fast\n", "")));
        assertEquals("rules[1].message", message.field());
        PlantFileException dup = assertThrows(PlantFileException.class, () -> parse(PLANT_YAML.replace("id: broken", "id: ok")));
        assertTrue(dup.getMessage().contains("duplicate rule id 'ok'"), dup.getMessage());

        PlantDefinition fixed = parse(PLANT_YAML.replace("rate(A.T1 5m)", "rate(A.T1, 5m)"));
        assertEquals(2, CompositeRuleAlarms.compile(fixed).size());
        assertEquals("温度高", fixed.rule("ok").orElseThrow().message("zh"));
        assertEquals("Rising fast", fixed.rule("broken").orElseThrow().message("zh"), "falls back to the other language");
    }
}
