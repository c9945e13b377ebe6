package com.vigil.alarm;

import com.vigil.model.Actor;
import com.vigil.model.Quality;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Engine + manual clock + in-memory journal + recording listener. */
final class Fixture {
    static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    static final Actor OP = new Actor("olga", Role.OPERATOR);
    static final Actor OP2 = new Actor("oleg", Role.OPERATOR);
    static final Actor SL = new Actor("sam", Role.SHIFT_LEADER);
    static final Actor SM = new Actor("sara", Role.SAFETY_MANAGER);
    static final Actor ENG = new Actor("erik", Role.ENGINEER);
    static final Actor VIEW = new Actor("wall", Role.VIEWER);
    static final Actor MAINT = new Actor("max", Role.MAINTENANCE);

    final ManualClock clock = new ManualClock(T0);
    final InMemoryAlarmJournal journal = new InMemoryAlarmJournal();
    final AlarmEngine engine;
    final List<JournalEntry> changes = new ArrayList<>();
    final List<Escalation> escalations = new ArrayList<>();
    final List<FloodSummary> floodStarts = new ArrayList<>();
    final List<FloodSummary> floodEnds = new ArrayList<>();

    Fixture(AlarmConfig config) {
        engine = new AlarmEngine(config, clock, journal);
        engine.addListener(new AlarmListener() {
            @Override
            public void onAlarmChange(JournalEntry entry, AlarmView alarm) {
                changes.add(entry);
            }

            @Override
            public void onEscalation(Escalation e) {
                escalations.add(e);
            }

            @Override
            public void onFloodStart(FloodSummary f) {
                floodStarts.add(f);
            }

            @Override
            public void onFloodEnd(FloodSummary f) {
                floodEnds.add(f);
            }
        });
    }

    Fixture(AlarmDef... defs) {
        this(AlarmConfig.builder().addAll(List.of(defs)).build());
    }

    long now() {
        return clock.millis();
    }

    /** Sends one good sample at the clock's time. */
    Fixture value(String tag, double v) {
        engine.onBatch(List.of(Sample.good(tag, now(), v)));
        return this;
    }

    Fixture sample(String tag, double v, Quality q) {
        engine.onBatch(List.of(new Sample(tag, now(), v, q)));
        return this;
    }

    Fixture advance(Duration d) {
        clock.advance(d);
        return this;
    }

    /** Advances and ticks. */
    Fixture tickAfter(Duration d) {
        clock.advance(d);
        engine.tick();
        return this;
    }

    com.vigil.model.AlarmState state(String id) {
        return engine.alarm(id).orElseThrow().state();
    }

    AlarmView view(String id) {
        return engine.alarm(id).orElseThrow();
    }

    JournalEntry last() {
        List<JournalEntry> all = journal.entries();
        return all.get(all.size() - 1);
    }

    static AlarmDef.Builder high(String tag, double sp) {
        return AlarmDef.builder(tag, AlarmType.H).setpoint(sp).area("A1");
    }

    static AlarmDef.Builder low(String tag, double sp) {
        return AlarmDef.builder(tag, AlarmType.L).setpoint(sp).area("A1");
    }
}
