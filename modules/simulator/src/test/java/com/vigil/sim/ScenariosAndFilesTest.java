package com.vigil.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.dynamics.PlantDynamics;
import com.vigil.sim.headless.HeadlessRun;
import com.vigil.sim.replay.ReplayData;
import com.vigil.sim.replay.ReplayFormatException;
import com.vigil.sim.scenario.ScenarioSpec;
import com.vigil.sim.scenario.Scenarios;
import com.vigil.sim.scenario.TruthEvent;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario notation, timeline files, headless CSV and replay files (formats and their errors). */
class ScenariosAndFilesTest {

    @Test
    void commandLineScenarioNotation() {
        ScenarioSpec s = Scenarios.parseCli("gas-leak:WH.GD13@10m");
        assertEquals("gas-leak", s.name());
        assertEquals("WH.GD13", s.target());
        assertEquals(600, s.at());
        assertEquals(0, Scenarios.parseCli("cooling-failure").at());
        assertTrue(Scenarios.parseCli("bearing-wear@random").random());
        assertEquals(5400, Scenarios.parseTime("1h30m"));
        assertEquals(900, Scenarios.parseTime("00:15:00"));
        assertEquals(90, Scenarios.parseTime("90s"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.parseCli("fire@5m"));
        assertTrue(e.getMessage().contains("unknown scenario 'fire'") && e.getMessage().contains("relief-open"),
                e.getMessage());
    }

    @Test
    void timelineFileAndItsErrors(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("timeline.csv");
        Files.writeString(f, """
                at,scenario,target,params
                # a quiet start, then trouble
                10m,gas-leak,WH.GD13,peak=80;speed=0.1
                00:30:00,bearing-wear,PS.P402,hours=2
                random,sensor-spike,,random_within=1800
                """);
        List<ScenarioSpec> specs = Scenarios.readTimeline(f);
        assertEquals(3, specs.size());
        assertEquals("80", specs.get(0).params().get("peak"));
        assertEquals(1800, specs.get(1).at());
        assertTrue(specs.get(2).random() && specs.get(2).target() == null);

        Files.writeString(f, "5m,gas-leak,WH.GD11\n7m,volcano,,\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.readTimeline(f));
        assertTrue(e.getMessage().startsWith(f + ":2: unknown scenario 'volcano'"), e.getMessage());
    }

    @Test
    void randomScenarioTimesComeFromTheSeed() {
        PlantDynamics a = new PlantDynamics(PlantFiles.demo(), 99);
        PlantDynamics b = new PlantDynamics(PlantFiles.demo(), 99);
        a.schedule(Scenarios.parseCli("sensor-spike@random"));
        b.schedule(Scenarios.parseCli("sensor-spike@random"));
        assertEquals(a.pending().get(0).at(), b.pending().get(0).at());
        assertTrue(a.pending().get(0).at() >= 60 && a.pending().get(0).at() <= 3600);
    }

    @Test
    void headlessRunWritesLongFormatCsvThatReplayReadsBack(@TempDir Path tmp) throws Exception {
        StringWriter csv = new StringWriter();
        HeadlessRun.Result r = HeadlessRun.run(PlantFiles.demo(), 1, Instant.parse("2026-01-01T00:00:00Z"), 600, 1, 60,
                List.of(new ScenarioSpec(120, "comm-loss", null, java.util.Map.of("duration", "60"))), csv, null);
        assertEquals(600, r.steps());
        String[] lines = csv.toString().split("\n");
        assertEquals(HeadlessRun.HEADER, lines[0]);
        int tags = PlantFiles.demo().plant().tags().size();
        assertEquals(10L * tags, r.rows());
        assertTrue(csv.toString().contains("2026-01-01T00:01:00Z,RX.R201.TT,"));
        assertTrue(csv.toString().contains("2026-01-01T00:02:00Z,RX.R201.TT,,BAD"), "comm loss → BAD rows");
        assertEquals(List.of("START", "END"), r.groundTruth().stream().map(TruthEvent::event).toList());
        Path f = tmp.resolve("run.csv");
        Files.writeString(f, csv.toString());
        ReplayData back = ReplayData.read(f);
        assertEquals(10, back.frames().size());
        assertEquals(tags, back.tags().size());
    }

    @Test
    void skabFilesAreRead(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("skab.csv");
        Files.writeString(f, """
                datetime;Accelerometer1RMS;Accelerometer2RMS;Current;Pressure;Temperature;Thermocouple;Voltage;Volume Flow RateRMS;anomaly;changepoint
                2020-03-09 10:14:33;0.0273;0.0400;0.7708;0.382638;71.2129;25.0827;219.789;32.0;0.0;0.0
                2020-03-09 10:14:34;0.0277;0.0403;1.0907;0.054711;71.4284;25.0765;230.576;32.0;0.0;0.0
                """);
        ReplayData d = ReplayData.read(f);
        assertEquals(2, d.frames().size());
        assertTrue(d.tags().contains("Volume_Flow_RateRMS") && d.tags().contains("anomaly"), d.tags().toString());
        assertEquals(Instant.parse("2020-03-09T10:14:34Z"), d.end());

        Files.writeString(f, """
                datetime;A;B
                2020-03-09 10:14:33;1;2
                2020-03-09 10:14:34;1
                """);
        ReplayFormatException e = assertThrows(ReplayFormatException.class, () -> ReplayData.read(f));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(f + ":3: "), e.getMessage());
        Files.writeString(f, "datetime;A\nyesterday;1\n");
        assertEquals(2, assertThrows(ReplayFormatException.class, () -> ReplayData.read(f)).line());
    }
}
