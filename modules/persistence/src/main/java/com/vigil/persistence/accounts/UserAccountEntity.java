package com.vigil.persistence.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A local account (table {@code user_account}, migration 2). */
@Entity
@Table(name = "user_account")
public class UserAccountEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_name", nullable = false)
    private String userName;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(nullable = false)
    private String role;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(nullable = false)
    private boolean demo;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;
    @Column(name = "locked_until_ms")
    private Long lockedUntilMillis;
    @Column(name = "password_changed_ms")
    private Long passwordChangedMillis;
    @Column(name = "created_ms", nullable = false)
    private long createdMillis;

    protected UserAccountEntity() {
    }

    UserAccountEntity(UserRow r) {
        this.userName = r.userName();
        this.demo = r.demo();
        this.createdMillis = r.createdMillis();
        copyFrom(r);
    }

    /** Copies the changeable fields (not the name, the demo flag or the creation time). */
    void copyFrom(UserRow r) {
        this.displayName = r.displayName() == null ? "" : r.displayName();
        this.role = r.role();
        this.passwordHash = r.passwordHash();
        this.enabled = r.enabled();
        this.failedAttempts = r.failedAttempts();
        this.lockedUntilMillis = r.lockedUntilMillis();
        this.passwordChangedMillis = r.passwordChangedMillis();
    }

    UserRow toRow() {
        return new UserRow(userName, displayName, role, passwordHash, demo, enabled, failedAttempts, lockedUntilMillis,
                passwordChangedMillis, createdMillis);
    }

    @Override
    public String toString() {
        return "UserAccountEntity[" + userName + "]";
    }
}
