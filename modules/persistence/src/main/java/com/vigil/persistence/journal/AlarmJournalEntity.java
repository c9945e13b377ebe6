package com.vigil.persistence.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One alarm journal row, for reading. Rows are only ever inserted, by {@link AlarmJournalStore#appendAll}. */
@Entity
@Table(name = "alarm_journal")
public class AlarmJournalEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "time_ms", nullable = false)
    private long timeMillis;
    @Column(name = "alarm_id", nullable = false)
    private String alarmId;
    @Column(nullable = false)
    private String tag;
    @Column(name = "alarm_type", nullable = false)
    private String alarmType;
    @Column(nullable = false)
    private int priority;
    private String area;
    @Column(name = "from_state", nullable = false)
    private String fromState;
    @Column(name = "to_state", nullable = false)
    private String toState;
    @Column(nullable = false)
    private String event;
    @Column(name = "user_name")
    private String user;
    @Column(name = "user_role")
    private String role;
    private String comment;
    private String tiers;
    private String refusal;
    private Double value;

    protected AlarmJournalEntity() {
    }

    JournalRecord toRecord() {
        return new JournalRecord(id, timeMillis, alarmId, tag, alarmType, priority, area, fromState, toState, event,
                user, role, comment, tiers, refusal, value);
    }
}
