package com.vigil.app.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.app.runtime.AssetModelStore;
import com.vigil.app.runtime.AssetWarningAlarms;
import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.scenario.Scenarios;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.warning.detect.Contribution;
import com.vigil.warning.detect.EarlyWarningModel;
import com.vigil.warning.detect.Warning;
import com.vigil.warning.online.AssetModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The demo-plant early-warning bar on a shortened run (the full 24 h figures come from
 * {@code vigil detect --format demo}, docs/early-warning.md): the asset models are trained on simulated normal
 * operation of other seeds; a cooling failure is warned at least 10 min before its consequence hard limit
 * (reactor temperature HH), and a normal period gives no warning at all.
 */
class DemoPlantEvaluationTest {
    static final PlantDefinition PLANT = PlantFiles.demo();

    @Test
    void coolingFailureIsWarnedAheadAndNormalOperationIsQuiet() {
        List<String> notes = new ArrayList<>();
        Map<String, EarlyWarningModel> models = AssetModelStore.trainOnSimulatedDays(PLANT, 7, 2, 8,
                AssetModels.DEFAULT_DETECTOR, notes);
        assertTrue(models.size() >= 30, "an asset model for most equipment: " + models.size() + " " + notes);
        DemoPlantEvaluation.Result r = DemoPlantEvaluation.run(PLANT, models, 42, 43, 4,
                List.of(Scenarios.parseCli("cooling-failure@1h"), Scenarios.parseCli("sensor-freeze:CP.C301.TT@2h")));
        assertEquals(2, r.scenarios().size());
        DemoPlantEvaluation.ScenarioResult s = r.scenarios().get(0);
        assertEquals("RX.R201.TT HH", s.firstConsequenceTag(), "the reactor temperature trips HH");
        assertTrue(s.leadMinutes() >= 10, "warned at least 10 min before the hard limit: " + s.leadMinutes() + " min, "
                + s.firstWarningText());
        // the compressor's temperature transmitter stops at 2 h: reported frozen on its own, on that tag, once the
        // value has stood still for 5 min (it never repeats that long in training), and only that tag
        List<DemoPlantEvaluation.Raised> frozen = r.scenarioDay().stream().filter(w -> w.kind().equals("FRZ")).toList();
        assertEquals(1, frozen.size(), "one frozen-value warning: " + r.scenarioDay());
        assertEquals("CP.C301.TT", frozen.get(0).source());
        long after = java.time.Duration.between(r.scenarios().get(1).start(), frozen.get(0).raised()).toSeconds();
        // 30 rows of 10 s with one value; the first of them is the last reading before the freeze
        assertTrue(after >= 280 && after <= 320, "raised 5 min after the freeze: " + after + " s");
        assertEquals(0, r.falseOnScenarioDay(), "no warning outside the scenarios: " + r.scenarioDay());
        assertEquals(List.of(), r.normalDay(), "no warning in 4 h of normal operation");
    }

    @Test
    void aFrozenValueIsItsOwnAlarmInTheOperatorsLanguage() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T08:00:00Z"));
        AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(PLANT.plant()), clock, new InMemoryAlarmJournal());
        AssetWarningAlarms sink = new AssetWarningAlarms(engine, PLANT);
        sink.frozen("CP.C301", "CP.C301.TT", clock.millis(), 110.4, 360_000, 90_000);
        String id = "CP.C301.TT" + AssetWarningAlarms.FROZEN_SUFFIX;
        assertTrue(engine.alarm(id).orElseThrow().active());
        assertEquals(3, engine.alarm(id).orElseThrow().priority().grade());

        AlarmRow en = new AlarmUiAdapter(engine, PLANT, new I18n(Locale.ENGLISH), () -> new Actor("op", Role.OPERATOR),
                new CompletableFuture<>()).rows().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        assertEquals("CP.C301.TT", en.tag());
        assertEquals("Frozen value", en.type());
        assertEquals(PLANT.description("CP.C301.TT", "en") + " — the same value for 6.0 min (normal operation: at most 1.5 min)",
                en.description());
        assertTrue(en.valueText().startsWith("110.4 "), en.valueText());
        assertTrue(en.guidance().startsWith("Check the transmitter and its signal path"), en.guidance());
        AlarmRow zh = new AlarmUiAdapter(engine, PLANT, new I18n(Locale.SIMPLIFIED_CHINESE), () -> new Actor("op", Role.OPERATOR),
                new CompletableFuture<>()).rows().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        assertEquals("数值冻结", zh.type());
        assertEquals(PLANT.description("CP.C301.TT", "zh") + " — 数值已 6.0 分钟未变化（正常运行中最长 1.5 分钟）", zh.description());

        sink.thawed("CP.C301", "CP.C301.TT", clock.millis() + 10_000);
        assertTrue(!engine.alarm(id).orElseThrow().active(), "cleared when the value moves again");
        sink.frozen("CP.C301", "CP.C301.TT", clock.millis() + 20_000, 110.4, 300_000, 90_000);
        sink.retire(List.of("CP.C301"), clock.instant().plusSeconds(30));
        assertTrue(!engine.alarm(id).orElseThrow().active(), "cleared when the models are replaced");
        sink.frozen("CP.C301", "CP.C301.TT", clock.millis() + 40_000, 110.4, 300_000, 90_000);
        assertTrue(!engine.alarm(id).orElseThrow().active(), "a retired set raises nothing");
    }

    @Test
    void aRuleWrittenInTheConsoleIsMeasuredWithThePlantFilesRules() {
        // no asset models: only the time-to-threshold warnings and the rules run, so the run is short
        com.vigil.persistence.rules.ConsoleRuleRow hot = new com.vigil.persistence.rules.ConsoleRuleRow("r201-hot",
                "RX.R201.TT > 160 and rate(RX.R201.TT, 5m) > 0.1 for 1m", 2, "RX.R201.TT", "R-201 过热",
                "R-201 running hot", "", "", true, 1, "eng", 0);
        DemoPlantEvaluation.Result r = DemoPlantEvaluation.run(PLANT, Map.of(), 42, 43, 3,
                List.of(Scenarios.parseCli("cooling-failure@1h")), List.of(com.vigil.app.runtime.RuleBook.toDef(hot)));
        assertEquals(1, r.consoleRules());
        assertEquals(PLANT.rules().size(), r.plantRules());
        List<DemoPlantEvaluation.Raised> fromRule = r.scenarioDay().stream()
                .filter(w -> w.kind().equals("RULE") && w.text().startsWith("r201-hot: ")).toList();
        assertEquals(1, fromRule.size(), "the console rule warns once in the cooling failure: " + r.scenarioDay());
        assertEquals("RX.R201.TT", fromRule.get(0).source());
        assertEquals("r201-hot: R-201 running hot", fromRule.get(0).text());
        assertEquals(0, r.falseOnScenarioDay(), "it is counted as a true warning: " + r.scenarioDay());
        assertEquals(List.of(), r.normalDay(), "and it stays quiet on the normal day");

        PlantDefinition.RuleDef unknown = com.vigil.app.runtime.RuleBook.toDef(new com.vigil.persistence.rules.ConsoleRuleRow(
                "typo", "RX.R209.TT > 1", 3, "", "", "x", "", "", true, 1, "eng", 0));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DemoPlantEvaluation.run(PLANT, Map.of(), 42, 43, 0.1, List.of(), List.of(unknown)));
        assertTrue(e.getMessage().startsWith("console rule typo: ") && e.getMessage().contains("RX.R209.TT"), e.getMessage());
    }

    @Test
    void anAssetWarningReadsAsAnAlarmNamingWhereToLook() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T08:00:00Z"));
        AlarmEngine engine = new AlarmEngine(AlarmConfig.fromPlant(PLANT.plant()), clock, new InMemoryAlarmJournal());
        new AssetWarningAlarms(engine, PLANT).raise("PS.P401", new Warning("PS.P401", clock.millis(), 1.6,
                List.of(new Contribution("PS.P401.BT", 7.2), new Contribution("PS.P401.PT", 1.4),
                        new Contribution("PS.P401.IT", 0.8), new Contribution("PS.P401.FT", 0.6))));
        AlarmUiAdapter ui = new AlarmUiAdapter(engine, PLANT, new I18n(Locale.ENGLISH),
                () -> new Actor("op", Role.OPERATOR), new CompletableFuture<>());
        AlarmRow row = ui.rows().stream().filter(x -> x.id().equals("PS.P401" + AssetWarningAlarms.SUFFIX)).findFirst()
                .orElseThrow();
        assertEquals("PS.P401.BT", row.tag(), "on the top contributor, so the guidance trend shows it");
        assertEquals("Early warning", row.type());
        assertEquals("P-401: unusual combination — BT 72 %, PT 14 %, IT 8 %", row.description());
        assertEquals("1.60× limit", row.valueText());
        assertEquals(3, row.grade());
    }
}
