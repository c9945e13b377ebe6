package com.vigil.alarm.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmDef;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.AlarmType;
import com.vigil.alarm.InMemoryAlarmJournal;
import com.vigil.alarm.JournalEntry;
import com.vigil.alarm.ManualClock;
import com.vigil.model.Actor;
import com.vigil.model.AlarmState;
import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Plant;
import com.vigil.model.Priority;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
    static Plant plant() {
        Limits lt = new Limits(95.0, 90.0, null, null, null, Priority.GRADE_1, Priority.GRADE_3, null, null, 1);
        return new Plant("demo", List.of(new Area("TF", "罐区", "Tank farm")), List.of(
                new TagDef("TF.T101.LT", "TF", "T101", "Level", TagKind.ANALOG, "%", 0, 100, 20, 80, lt, 0, 0),
                new TagDef("TF.T102.LT", "TF", "T102", "Level", TagKind.ANALOG, "%", 0, 100, 20, 80, lt, 0, 0)));
    }

    static String replay(String data, String actions) throws IOException {
        StringWriter out = new StringWriter();
        Replay.run(AlarmConfig.fromPlant(plant()), t -> plant().tag(t).isPresent(), new StringReader(data), "data.csv",
                actions == null ? null : new StringReader(actions), "actions.csv", out);
        return out.toString();
    }

    static final String DATA = """
            timestamp,tag,value,quality
            2026-01-01T08:00:00Z,TF.T101.LT,50
            2026-01-01T08:00:00Z,TF.T102.LT,50
            2026-01-01T08:01:00Z,TF.T101.LT,96
            2026-01-01T08:05:00Z,TF.T101.LT,50,GOOD
            2026-01-01T08:06:00Z,TF.T102.LT,91
            2026-01-01T08:20:00Z,TF.T102.LT,50
            """;
    static final String ACTIONS = """
            timestamp,action,tag,user,role,comment
            2026-01-01T08:02:00Z,ack,TF.T101.LT,olga,OPERATOR,seen
            2026-01-01T08:03:00Z,confirm,TF.T101.LT,sam,SHIFT_LEADER,"isolate feed, call maintenance"
            2026-01-01T08:04:00Z,confirm,TF.T101.LT:HH,sara,safety_manager,evacuate "B"
            2026-01-01T08:06:20Z,shelve,TF.T102.LT:HH,olga,OPERATOR,PT1H
            2026-01-01T08:06:30Z,shelve,TF.T102.LT,olga,OPERATOR,10m,known drift
            2026-01-01T08:07:00Z,ack,TF.T102.LT,wall,VIEWER
            """;

    @Test
    void journalOfAScenario() throws IOException {
        String journal = replay(DATA, ACTIONS);
        List<String> lines = journal.lines().toList();
        assertEquals(Replay.JOURNAL_HEADER, lines.get(0));
        assertEquals(List.of(
                Replay.JOURNAL_HEADER,
                "2026-01-01T08:01:00Z,TF.T101.LT,HH,GRADE_1,NORMAL,UNACK,system,event=ACTIVATE; tiers=OP=pending SL=pending SM=pending",
                "2026-01-01T08:01:00Z,TF.T101.LT,H,GRADE_3,NORMAL,UNACK,system,event=ACTIVATE; tiers=OP=pending",
                "2026-01-01T08:02:00Z,TF.T101.LT,HH,GRADE_1,UNACK,ACKED,olga,event=ACK; note=seen; tiers=OP=olga SL=pending SM=pending",
                "2026-01-01T08:02:00Z,TF.T101.LT,H,GRADE_3,UNACK,ACKED,olga,event=ACK; note=seen; tiers=OP=olga",
                "2026-01-01T08:03:00Z,TF.T101.LT,HH,GRADE_1,ACKED,ACKED,sam,\"event=CONFIRM; note=isolate feed, call maintenance; tiers=OP=olga SL=sam SM=pending\"",
                "2026-01-01T08:04:00Z,TF.T101.LT,HH,GRADE_1,ACKED,ACKED,sara,\"event=CONFIRM; note=evacuate \"\"B\"\"; tiers=OP=olga SL=sam SM=sara\"",
                "2026-01-01T08:05:00Z,TF.T101.LT,HH,GRADE_1,ACKED,NORMAL,system,event=CLEAR; tiers=OP=olga SL=sam SM=sara",
                "2026-01-01T08:05:00Z,TF.T101.LT,H,GRADE_3,ACKED,NORMAL,system,event=CLEAR; tiers=OP=olga",
                "2026-01-01T08:06:00Z,TF.T102.LT,H,GRADE_3,NORMAL,UNACK,system,event=ACTIVATE; tiers=OP=pending",
                "2026-01-01T08:06:20Z,TF.T102.LT,HH,GRADE_1,NORMAL,NORMAL,olga,\"event=SHELVE; note=replay [PT1H]; refused=OPERATOR may not shelve GRADE_1 alarms (allowed: [SHIFT_LEADER, SAFETY_MANAGER])\"",
                "2026-01-01T08:06:30Z,TF.T102.LT,H,GRADE_3,UNACK,SHELVED,olga,event=SHELVE; note=known drift [PT10M]; tiers=OP=-",
                "2026-01-01T08:07:00Z,TF.T102.LT,HH,GRADE_1,NORMAL,NORMAL,wall,event=ACK; refused=VIEWER may not act on alarms",
                "2026-01-01T08:16:30Z,TF.T102.LT,H,GRADE_3,SHELVED,UNACK,system,event=AUTO_UNSHELVE; note=shelve time expired (known drift); tiers=OP=pending",
                "2026-01-01T08:18:30Z,TF.T102.LT,H,GRADE_3,UNACK,UNACK,system,event=ESCALATE; note=OPERATOR did not act within 2 min: escalated to SHIFT_LEADER; tiers=OP=pending esc=SHIFT_LEADER",
                "2026-01-01T08:20:00Z,TF.T102.LT,H,GRADE_3,UNACK,RTN_UNACK,system,event=CLEAR; tiers=OP=pending esc=SHIFT_LEADER"),
                lines);
    }

    @Test
    void roundTripMatchesTheEngineJournal(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data.csv");
        Path actions = dir.resolve("actions.csv");
        Path out = dir.resolve("journal.csv");
        Files.writeString(data, DATA, StandardCharsets.UTF_8);
        Files.writeString(actions, ACTIONS, StandardCharsets.UTF_8);
        Replay.Result r = Replay.run(plant(), data, actions, out);
        assertEquals(6, r.samples());
        assertEquals(6, r.actions());
        assertEquals(15, r.journalEntries());
        assertEquals(2, r.refused().size());
        assertEquals(Instant.parse("2026-01-01T08:00:00Z"), r.first());
        assertEquals(Instant.parse("2026-01-01T08:20:00Z"), r.last());

        List<Replay.JournalRow> rows;
        try (var in = Files.newBufferedReader(out)) {
            rows = Replay.readJournal(in, out.toString());
        }
        // the same scenario driven directly through the engine API gives the same entries
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T08:00:00Z"));
        InMemoryAlarmJournal mem = new InMemoryAlarmJournal();
        AlarmEngine e = new AlarmEngine(AlarmConfig.fromPlant(plant()), clock, mem);
        e.onBatch(List.of(sample("TF.T101.LT", "08:00:00", 50), sample("TF.T102.LT", "08:00:00", 50)));
        clock.set(at("08:01:00"));
        e.onBatch(List.of(sample("TF.T101.LT", "08:01:00", 96)));
        clock.set(at("08:02:00"));
        e.acknowledge("TF.T101.LT:HH", new Actor("olga", Role.OPERATOR), "seen");
        e.acknowledge("TF.T101.LT:H", new Actor("olga", Role.OPERATOR), "seen");
        clock.set(at("08:03:00"));
        e.confirm("TF.T101.LT:HH", new Actor("sam", Role.SHIFT_LEADER), "isolate feed, call maintenance");
        clock.set(at("08:04:00"));
        e.confirm("TF.T101.LT:HH", new Actor("sara", Role.SAFETY_MANAGER), "evacuate \"B\"");
        List<JournalEntry> direct = mem.entries();
        for (int i = 0; i < direct.size(); i++) {
            JournalEntry d = direct.get(i);
            Replay.JournalRow row = rows.get(i);
            assertEquals(d.time(), row.timestamp());
            assertEquals(d.tag(), row.tag());
            assertEquals(d.type().name(), row.alarm());
            assertEquals(d.priority().name(), row.priority());
            assertEquals(d.fromState(), row.fromState());
            assertEquals(d.toState(), row.toState());
            assertEquals(d.user(), row.user());
            assertEquals(Replay.line(d), String.join(",", row.timestamp().toString(), row.tag(), row.alarm(),
                    row.priority(), row.fromState().name(), row.toState().name(), row.user(),
                    quote(row.comment())));
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static Instant at(String hms) {
        return Instant.parse("2026-01-01T" + hms + "Z");
    }

    private static Sample sample(String tag, String hms, double v) {
        return Sample.good(tag, at(hms).toEpochMilli(), v);
    }

    @Test
    void epochMillisAndLocalTimestampsAndNoActions() throws IOException {
        long t = Instant.parse("2026-01-01T08:00:00Z").toEpochMilli();
        String j = replay(t + ",TF.T101.LT,91\n2026-01-01T08:00:01,TF.T101.LT,92,BAD\n", null);
        assertTrue(j.contains("2026-01-01T08:00:00Z,TF.T101.LT,H,GRADE_3,NORMAL,UNACK"), j);
        assertTrue(j.contains("2026-01-01T08:00:01Z,TF.T101.LT,BAD_QUALITY,GRADE_3,NORMAL,UNACK"), j);
    }

    @Test
    void latchedResetAndOutOfServiceActions() throws IOException {
        AlarmConfig c = AlarmConfig.builder().add(AlarmDef.builder("X", AlarmType.H).setpoint(10).latching(true)
                .build()).build();
        StringWriter out = new StringWriter();
        Replay.run(c, t -> true, new StringReader("""
                        2026-01-01T00:00:00Z,X,11
                        2026-01-01T00:00:10Z,X,5
                        2026-01-01T00:01:00Z,X,5
                        """), "d.csv", new StringReader("""
                        2026-01-01T00:00:20Z,ack,X,olga,OPERATOR
                        2026-01-01T00:00:30Z,reset,X,olga,OPERATOR,checked
                        2026-01-01T00:00:40Z,oos,X,erik,ENGINEER,WO-1
                        2026-01-01T00:00:50Z,return,X,erik,ENGINEER
                        """), "a.csv", out);
        List<Replay.JournalRow> rows = Replay.readJournal(new StringReader(out.toString()), "j");
        assertEquals(List.of(AlarmState.UNACK, AlarmState.LATCHED, AlarmState.LATCHED, AlarmState.NORMAL,
                AlarmState.OUT_OF_SERVICE, AlarmState.NORMAL), rows.stream().map(Replay.JournalRow::toState).toList());
    }

    static CsvFormatException dataError(String data) {
        return assertThrows(CsvFormatException.class, () -> replay(data, null));
    }

    static CsvFormatException actionError(String actions) {
        return assertThrows(CsvFormatException.class, () -> replay("2026-01-01T08:00:00Z,TF.T101.LT,50\n", actions));
    }

    @Test
    void malformedDataNamesFileLineAndField() {
        CsvFormatException e = dataError("timestamp,tag,value\n2026-01-01T08:00:00Z,TF.T101.LT,50\n"
                + "2026-01-01T08:00:01Z,TF.T101.LT,abc\n");
        assertEquals("data.csv line 3, field 'value': not a number: 'abc'", e.getMessage());
        assertEquals("data.csv", e.file());
        assertEquals(3, e.line());
        assertEquals("value", e.field());
        assertEquals("timestamp", dataError("yesterday,TF.T101.LT,1\n").field());
        assertEquals("data.csv line 1: expected 3 or 4 fields (timestamp,tag,value[,quality]), found 2",
                dataError("2026-01-01T08:00:00Z,TF.T101.LT\n").getMessage());
        assertEquals("quality", dataError("2026-01-01T08:00:00Z,TF.T101.LT,1,SHAKY\n").field());
        assertEquals("data.csv line 2, field 'tag': unknown tag 'NOPE'",
                dataError("# comment\n2026-01-01T08:00:00Z,NOPE,1\n").getMessage());
        assertEquals("timestamp", dataError("2026-01-01T08:00:01Z,TF.T101.LT,1\n2026-01-01T08:00:00Z,TF.T101.LT,1\n")
                .field());
        assertTrue(dataError("2026-01-01T08:00:00Z,\"TF.T101.LT,1\n").getMessage().contains("unterminated quote"));
    }

    @Test
    void malformedActionsNameFileLineAndField() {
        assertEquals("actions.csv line 1, field 'action': must be ack, confirm, shelve, unshelve, reset, oos, return,"
                        + " suppress or unsuppress: 'approve'",
                actionError("2026-01-01T08:00:00Z,approve,TF.T101.LT,olga,OPERATOR\n").getMessage());
        assertEquals("role", actionError("2026-01-01T08:00:00Z,ack,TF.T101.LT,olga,BOSS\n").field());
        assertEquals("user", actionError("2026-01-01T08:00:00Z,ack,TF.T101.LT, ,OPERATOR\n").field());
        assertEquals("duration", actionError("2026-01-01T08:00:00Z,shelve,TF.T101.LT,olga,OPERATOR,soon\n").field());
        assertEquals("duration", actionError("2026-01-01T08:00:00Z,shelve,TF.T101.LT,olga,OPERATOR\n").field());
        CsvFormatException e = actionError("timestamp,action,tag,user,role\n2026-01-01T08:00:00Z,ack,NOPE,olga,OPERATOR\n");
        assertEquals("actions.csv line 2, field 'tag': unknown tag or alarm 'NOPE'", e.getMessage());
        assertEquals(1, actionError("2026-01-01T08:00:00Z,ack\n").line());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMinutes(30), Replay.parseDuration("PT30M"));
        assertEquals(Duration.ofMinutes(30), Replay.parseDuration("30m"));
        assertEquals(Duration.ofMinutes(30), Replay.parseDuration("30 min"));
        assertEquals(Duration.ofHours(2), Replay.parseDuration("2h"));
        assertEquals(Duration.ofSeconds(90), Replay.parseDuration("90s"));
        assertEquals(null, Replay.parseDuration("30"));
        assertEquals(null, Replay.parseDuration("Pxyz"));
    }
}
