package com.vigil.alarm;

import com.vigil.model.Priority;
import java.time.Duration;
import java.util.Objects;

/**
 * Definition of one alarm with all its ISA-18.2 attributes. Immutable; build with {@link #builder}.
 *
 * @param id             unique alarm id, by convention {@code TAG:TYPE}, e.g. {@code TF.T101.LT:HH}
 * @param tag            tag the alarm watches (for external alarms: the source or tag it belongs to)
 * @param type           alarm type
 * @param priority       priority / warning grade
 * @param setpoint       limit (H/HH/L/LL), off-normal value (DISCRETE), units per minute (ROC),
 *                       allowed deviation (DEVIATION); ignored for BAD_QUALITY/COMM/EXTERNAL
 * @param deadband       hysteresis for clearing (same unit as the setpoint), &gt;= 0
 * @param onDelay        condition must persist this long before the alarm activates
 * @param offDelay       condition must be gone this long before the alarm clears
 * @param reAlarm        an acknowledged alarm still active after this time since acknowledgement is
 *                       annunciated again; {@link Duration#ZERO} = never
 * @param latching       after return to normal the alarm stays LATCHED until reset
 * @param guidance       what to do (处置措施)
 * @param relatedDisplay id of the display to open for this alarm
 * @param area           responsible area (also the flood-counting operator position, unless mapped)
 * @param setpointTag    DEVIATION only: the tag holding the setpoint
 * @param suppressTag    suppression by design: while this tag has {@code suppressValue} the alarm is SUPPRESSED
 *                       (e.g. a discrete "unit shut down" tag); null = none
 * @param suppressValue  value of {@code suppressTag} that suppresses
 * @param description    human text of the alarm
 */
public record AlarmDef(String id, String tag, AlarmType type, Priority priority, double setpoint, double deadband,
                       Duration onDelay, Duration offDelay, Duration reAlarm, boolean latching, String guidance,
                       String relatedDisplay, String area, String setpointTag, String suppressTag,
                       double suppressValue, String description) {

    public AlarmDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(priority, "priority");
        if (id.isBlank()) {
            throw new IllegalArgumentException("alarm id must not be empty");
        }
        if (!(deadband >= 0)) {
            throw new IllegalArgumentException("alarm " + id + ": deadband must not be negative");
        }
        onDelay = nonNegative(id, "on-delay", onDelay);
        offDelay = nonNegative(id, "off-delay", offDelay);
        reAlarm = nonNegative(id, "re-alarm time", reAlarm);
        guidance = guidance == null ? "" : guidance;
        relatedDisplay = relatedDisplay == null ? "" : relatedDisplay;
        area = area == null ? "" : area;
        description = description == null ? "" : description;
        if (type == AlarmType.DEVIATION && (setpointTag == null || setpointTag.isBlank())) {
            throw new IllegalArgumentException("alarm " + id + ": DEVIATION needs a setpoint tag");
        }
        if (type.sampleDriven() && type != AlarmType.BAD_QUALITY && Double.isNaN(setpoint)) {
            throw new IllegalArgumentException("alarm " + id + ": setpoint must be a number");
        }
    }

    private static Duration nonNegative(String id, String what, Duration d) {
        if (d == null) {
            return Duration.ZERO;
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("alarm " + id + ": " + what + " must not be negative");
        }
        return d;
    }

    /** The conventional id {@code TAG:TYPE}. */
    public static String idOf(String tag, AlarmType type) {
        return tag + ":" + type.name();
    }

    public static Builder builder(String tag, AlarmType type) {
        return new Builder(idOf(tag, type), tag, type);
    }

    public static Builder builder(String id, String tag, AlarmType type) {
        return new Builder(id, tag, type);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, tag, type);
        b.priority = priority;
        b.setpoint = setpoint;
        b.deadband = deadband;
        b.onDelay = onDelay;
        b.offDelay = offDelay;
        b.reAlarm = reAlarm;
        b.latching = latching;
        b.guidance = guidance;
        b.relatedDisplay = relatedDisplay;
        b.area = area;
        b.setpointTag = setpointTag;
        b.suppressTag = suppressTag;
        b.suppressValue = suppressValue;
        b.description = description;
        return b;
    }

    /** Fluent builder; defaults: GRADE_3, deadband 0, no delays, no re-alarm, not latching. */
    public static final class Builder {
        private final String id;
        private final String tag;
        private final AlarmType type;
        private Priority priority = Priority.GRADE_3;
        private double setpoint;
        private double deadband;
        private Duration onDelay = Duration.ZERO;
        private Duration offDelay = Duration.ZERO;
        private Duration reAlarm = Duration.ZERO;
        private boolean latching;
        private String guidance = "";
        private String relatedDisplay = "";
        private String area = "";
        private String setpointTag;
        private String suppressTag;
        private double suppressValue = 1;
        private String description = "";

        private Builder(String id, String tag, AlarmType type) {
            this.id = id;
            this.tag = tag;
            this.type = type;
        }

        public Builder priority(Priority p) { this.priority = p; return this; }
        public Builder setpoint(double v) { this.setpoint = v; return this; }
        public Builder deadband(double v) { this.deadband = v; return this; }
        public Builder onDelay(Duration d) { this.onDelay = d; return this; }
        public Builder offDelay(Duration d) { this.offDelay = d; return this; }
        public Builder reAlarm(Duration d) { this.reAlarm = d; return this; }
        public Builder latching(boolean v) { this.latching = v; return this; }
        public Builder guidance(String v) { this.guidance = v; return this; }
        public Builder relatedDisplay(String v) { this.relatedDisplay = v; return this; }
        public Builder area(String v) { this.area = v; return this; }
        public Builder setpointTag(String v) { this.setpointTag = v; return this; }
        public Builder description(String v) { this.description = v; return this; }

        /** Suppressed by design while {@code tag} has {@code value} (e.g. unit-shut-down tag = 1). */
        public Builder suppressWhen(String tag, double value) {
            this.suppressTag = tag;
            this.suppressValue = value;
            return this;
        }

        public AlarmDef build() {
            return new AlarmDef(id, tag, type, priority, setpoint, deadband, onDelay, offDelay, reAlarm, latching,
                    guidance, relatedDisplay, area, setpointTag, suppressTag, suppressValue, description);
        }
    }
}
