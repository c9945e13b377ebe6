package com.vigil.accounts;

import com.vigil.model.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A logged-in user at one console. Workstation sessions lock after {@code idleLock} without activity
 * ({@link #isLocked(Instant)}); the UI calls {@link #touch(Instant)} on every user input and, when locked,
 * asks for the password ({@link AccountService#unlockSession}). Wall-screen sessions are view-only and do not
 * lock. A session ended by log-out or user switch stays locked for good. Thread-safe.
 */
public final class Session {
    /** Where the session runs. */
    public enum Kind {
        /** Operator desk or workstation: acts, locks when idle. */
        WORKSTATION,
        /** Wall screen: looks only, never locks. */
        WALL_SCREEN
    }

    private final String id = UUID.randomUUID().toString();
    private final Actor actor;
    private final Kind kind;
    private final boolean demo;
    private final Instant startedAt;
    private final Duration idleLock;
    private volatile Instant lastActivity;
    private volatile boolean lockedByHand;
    private volatile boolean ended;

    Session(Actor actor, Kind kind, boolean demo, Instant startedAt, Duration idleLock) {
        this.actor = actor;
        this.kind = kind;
        this.demo = demo;
        this.startedAt = startedAt;
        this.lastActivity = startedAt;
        this.idleLock = kind == Kind.WALL_SCREEN ? Duration.ZERO : idleLock;
    }

    public String id() {
        return id;
    }

    /** The user and role, as passed to services ({@code AlarmEngine.acknowledge(id, actor, …)}). */
    public Actor actor() {
        return actor;
    }

    public String userName() {
        return actor.user();
    }

    public Kind kind() {
        return kind;
    }

    /** A demo account's session: the UI must say so. */
    public boolean demo() {
        return demo;
    }

    /** True for wall screens and VIEWER accounts: may look, may not act. */
    public boolean viewOnly() {
        return kind == Kind.WALL_SCREEN || actor.role() == com.vigil.model.Role.VIEWER;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastActivity() {
        return lastActivity;
    }

    public Duration idleLock() {
        return idleLock;
    }

    /**
     * The lock rule: ended, locked by hand, or {@code now - lastActivity >= idleLock} (when idleLock is
     * not zero).
     */
    public boolean isLocked(Instant now) {
        if (ended || lockedByHand) {
            return true;
        }
        return !idleLock.isZero() && Duration.between(lastActivity, now).compareTo(idleLock) >= 0;
    }

    /** Records user activity; ignored while locked (only unlocking with the password reopens it). */
    public void touch(Instant now) {
        if (!isLocked(now) && now.isAfter(lastActivity)) {
            lastActivity = now;
        }
    }

    public boolean ended() {
        return ended;
    }

    void lockByHand() {
        lockedByHand = true;
    }

    void unlock(Instant now) {
        lockedByHand = false;
        lastActivity = now;
    }

    void end() {
        ended = true;
    }

    @Override
    public String toString() {
        return "Session[" + actor.user() + "/" + actor.role() + ", " + kind + (demo ? ", demo" : "")
                + (ended ? ", ended" : "") + "]";
    }
}
