package com.vigil.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One audit-trail entry (table {@code audit_log}, migration 2). Only ever inserted. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditLogEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long seq;
    @Column(name = "time_ms", nullable = false)
    private long timeMillis;
    @Column(name = "user_name")
    private String user;
    @Column(name = "user_role")
    private String role;
    @Column(nullable = false)
    private String action;
    @Column(nullable = false)
    private String outcome;
    private String target;
    @Column(name = "before_value")
    private String before;
    @Column(name = "after_value")
    private String after;
    private String comment;
    @Column(name = "prev_hash", nullable = false)
    private String prevHash;
    @Column(nullable = false)
    private String hash;

    protected AuditLogEntity() {
    }

    AuditLogEntity(AuditRow r) {
        this.seq = r.seq();
        this.timeMillis = r.timeMillis();
        this.user = r.user();
        this.role = r.role();
        this.action = r.action();
        this.outcome = r.outcome();
        this.target = r.target();
        this.before = r.before();
        this.after = r.after();
        this.comment = r.comment();
        this.prevHash = r.prevHash();
        this.hash = r.hash();
    }

    AuditRow toRow() {
        return new AuditRow(id, seq, timeMillis, user, role, action, outcome, target, before, after, comment, prevHash,
                hash);
    }
}
