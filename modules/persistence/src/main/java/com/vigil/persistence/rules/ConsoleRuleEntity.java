package com.vigil.persistence.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A composite rule written in the console (table {@code console_rule}, migration 3). */
@Entity
@Table(name = "console_rule")
public class ConsoleRuleEntity {
    @Id
    @Column(name = "rule_id")
    private String id;
    @Column(name = "when_text", nullable = false)
    private String when;
    @Column(nullable = false)
    private int grade;
    private String tag;
    @Column(name = "message_zh")
    private String messageZh;
    @Column(name = "message_en")
    private String messageEn;
    @Column(name = "guidance_zh")
    private String guidanceZh;
    @Column(name = "guidance_en")
    private String guidanceEn;
    @Column(nullable = false)
    private boolean enabled;
    @Column(nullable = false)
    private long revision;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;
    @Column(name = "changed_ms", nullable = false)
    private long changedMillis;

    protected ConsoleRuleEntity() {
    }

    ConsoleRuleEntity(String id) {
        this.id = id;
    }

    void copyFrom(ConsoleRuleRow r, long revision) {
        this.when = r.when();
        this.grade = r.grade();
        this.tag = r.tag();
        this.messageZh = r.messageZh();
        this.messageEn = r.messageEn();
        this.guidanceZh = r.guidanceZh();
        this.guidanceEn = r.guidanceEn();
        this.enabled = r.enabled();
        this.revision = revision;
        this.changedBy = r.changedBy();
        this.changedMillis = r.changedMillis();
    }

    ConsoleRuleRow toRow() {
        return new ConsoleRuleRow(id, when, grade, tag, messageZh, messageEn, guidanceZh, guidanceEn, enabled, revision,
                changedBy, changedMillis);
    }

    @Override
    public String toString() {
        return "ConsoleRuleEntity[" + id + "]";
    }
}
