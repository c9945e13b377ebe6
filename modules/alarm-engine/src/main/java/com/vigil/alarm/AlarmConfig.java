package com.vigil.alarm;

import com.vigil.model.Limits;
import com.vigil.model.Plant;
import com.vigil.model.Priority;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Alarm definitions plus the engine-wide settings (tier times, flood, chatter, stale, shelving). Immutable;
 * build with {@link #fromPlant(Plant)} or {@link #builder()}.
 */
public final class AlarmConfig {
    private final List<AlarmDef> alarms;
    private final Duration operatorTime;
    private final Duration shiftLeaderTime;
    private final Duration safetyManagerTime;
    private final Duration floodWindow;
    private final int floodStartAbove;
    private final int floodEndBelow;
    private final int chatterActivations;
    private final Duration chatterWindow;
    private final Duration staleAfter;
    private final Duration maxShelve;
    private final Map<String, String> positionOfArea;

    private AlarmConfig(Builder b) {
        this.alarms = List.copyOf(b.alarms);
        this.operatorTime = positive(b.operatorTime, "operator tier time");
        this.shiftLeaderTime = positive(b.shiftLeaderTime, "shift-leader tier time");
        this.safetyManagerTime = positive(b.safetyManagerTime, "safety-manager tier time");
        this.floodWindow = positive(b.floodWindow, "flood window");
        this.floodStartAbove = b.floodStartAbove;
        this.floodEndBelow = b.floodEndBelow;
        this.chatterActivations = b.chatterActivations;
        this.chatterWindow = positive(b.chatterWindow, "chatter window");
        this.staleAfter = positive(b.staleAfter, "stale time");
        this.maxShelve = positive(b.maxShelve, "maximum shelve time");
        this.positionOfArea = Collections.unmodifiableMap(new LinkedHashMap<>(b.positionOfArea));
        if (floodEndBelow > floodStartAbove + 1 || floodEndBelow < 1) {
            throw new IllegalArgumentException("flood end threshold must be in 1.." + (floodStartAbove + 1));
        }
        if (chatterActivations < 2) {
            throw new IllegalArgumentException("chatter activations must be at least 2");
        }
        Set<String> ids = new HashSet<>();
        for (AlarmDef d : alarms) {
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("duplicate alarm id " + d.id());
            }
        }
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return d;
    }

    /**
     * One alarm per limit of each tag: HH/H/L/LL (priority and deadband from {@link Limits}; missing priorities
     * default to GRADE_2 for HH/LL and GRADE_3 for H/L), DISCRETE for a discrete tag with an off-normal value
     * (priority of H if given, else GRADE_3), and BAD_QUALITY (GRADE_3) for every tag that has any alarm limit.
     * No delays, no re-alarm, not latching. Area = the tag's area; description = the tag's description.
     */
    public static AlarmConfig fromPlant(Plant plant) {
        return builder().addAll(alarmsOf(plant)).build();
    }

    /** The default alarm definitions of {@link #fromPlant(Plant)}, to adjust before building. */
    public static List<AlarmDef> alarmsOf(Plant plant) {
        List<AlarmDef> out = new ArrayList<>();
        for (TagDef t : plant.tags()) {
            Limits l = t.limits();
            int before = out.size();
            if (t.kind() == TagKind.DISCRETE) {
                if (l.offNormal() != null) {
                    out.add(def(t, AlarmType.DISCRETE, l.offNormal(), orElse(l.hPriority(), Priority.GRADE_3), 0));
                }
            } else {
                if (l.hh() != null) {
                    out.add(def(t, AlarmType.HH, l.hh(), orElse(l.hhPriority(), Priority.GRADE_2), l.deadband()));
                }
                if (l.h() != null) {
                    out.add(def(t, AlarmType.H, l.h(), orElse(l.hPriority(), Priority.GRADE_3), l.deadband()));
                }
                if (l.l() != null) {
                    out.add(def(t, AlarmType.L, l.l(), orElse(l.lPriority(), Priority.GRADE_3), l.deadband()));
                }
                if (l.ll() != null) {
                    out.add(def(t, AlarmType.LL, l.ll(), orElse(l.llPriority(), Priority.GRADE_2), l.deadband()));
                }
            }
            if (out.size() > before) {
                out.add(def(t, AlarmType.BAD_QUALITY, 0, Priority.GRADE_3, 0));
            }
        }
        return out;
    }

    private static Priority orElse(Priority p, Priority d) {
        return p != null ? p : d;
    }

    private static AlarmDef def(TagDef t, AlarmType type, double sp, Priority p, double deadband) {
        return AlarmDef.builder(t.id(), type).setpoint(sp).priority(p).deadband(deadband).area(t.area())
                .description(t.description()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.alarms.addAll(alarms);
        b.operatorTime = operatorTime;
        b.shiftLeaderTime = shiftLeaderTime;
        b.safetyManagerTime = safetyManagerTime;
        b.floodWindow = floodWindow;
        b.floodStartAbove = floodStartAbove;
        b.floodEndBelow = floodEndBelow;
        b.chatterActivations = chatterActivations;
        b.chatterWindow = chatterWindow;
        b.staleAfter = staleAfter;
        b.maxShelve = maxShelve;
        b.positionOfArea.putAll(positionOfArea);
        return b;
    }

    public List<AlarmDef> alarms() { return alarms; }
    /** Time the operator has to acknowledge before escalation to the shift leader (default 2 min). */
    public Duration operatorTime() { return operatorTime; }
    /** Time the shift-leader tier has before escalation to the safety manager (default 5 min). */
    public Duration shiftLeaderTime() { return shiftLeaderTime; }
    /** Time the safety-manager tier has before the alarm is announced again (default 10 min). */
    public Duration safetyManagerTime() { return safetyManagerTime; }
    public Duration floodWindow() { return floodWindow; }
    /** A flood starts when more than this many alarms were raised in the window (default 10). */
    public int floodStartAbove() { return floodStartAbove; }
    /** A flood ends when fewer than this many alarms are left in the window (default 5). */
    public int floodEndBelow() { return floodEndBelow; }
    public int chatterActivations() { return chatterActivations; }
    public Duration chatterWindow() { return chatterWindow; }
    public Duration staleAfter() { return staleAfter; }
    public Duration maxShelve() { return maxShelve; }
    public Map<String, String> positionOfArea() { return positionOfArea; }

    /** Operator position (flood-counting group) of an area; the area itself unless mapped. */
    public String positionOf(String area) {
        return positionOfArea.getOrDefault(area, area);
    }

    public static final class Builder {
        private final List<AlarmDef> alarms = new ArrayList<>();
        private Duration operatorTime = Duration.ofMinutes(2);
        private Duration shiftLeaderTime = Duration.ofMinutes(5);
        private Duration safetyManagerTime = Duration.ofMinutes(10);
        private Duration floodWindow = Duration.ofMinutes(10);
        private int floodStartAbove = 10;
        private int floodEndBelow = 5;
        private int chatterActivations = 3;
        private Duration chatterWindow = Duration.ofMinutes(1);
        private Duration staleAfter = Duration.ofHours(24);
        private Duration maxShelve = Duration.ofHours(12);
        private final Map<String, String> positionOfArea = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(AlarmDef d) { alarms.add(Objects.requireNonNull(d)); return this; }
        public Builder addAll(List<AlarmDef> ds) { ds.forEach(this::add); return this; }

        /** Replaces the definition with the same id (e.g. to add delays to a default from the plant). */
        public Builder replace(AlarmDef d) {
            for (int i = 0; i < alarms.size(); i++) {
                if (alarms.get(i).id().equals(d.id())) {
                    alarms.set(i, d);
                    return this;
                }
            }
            throw new IllegalArgumentException("no alarm " + d.id());
        }

        public Builder tierTimes(Duration operator, Duration shiftLeader, Duration safetyManager) {
            this.operatorTime = operator;
            this.shiftLeaderTime = shiftLeader;
            this.safetyManagerTime = safetyManager;
            return this;
        }

        public Builder flood(Duration window, int startAbove, int endBelow) {
            this.floodWindow = window;
            this.floodStartAbove = startAbove;
            this.floodEndBelow = endBelow;
            return this;
        }

        public Builder chatter(int activations, Duration window) {
            this.chatterActivations = activations;
            this.chatterWindow = window;
            return this;
        }

        public Builder staleAfter(Duration d) { this.staleAfter = d; return this; }
        public Builder maxShelve(Duration d) { this.maxShelve = d; return this; }

        /** Groups an area into an operator position for flood counting. */
        public Builder position(String area, String position) {
            positionOfArea.put(area, position);
            return this;
        }

        public AlarmConfig build() {
            return new AlarmConfig(this);
        }
    }
}
