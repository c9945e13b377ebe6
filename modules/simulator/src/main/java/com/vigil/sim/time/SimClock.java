package com.vigil.sim.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The simulated plant time as a {@link Clock}: {@code start} plus the simulated seconds the plant has run.
 * At {@code --speed 60} it moves an hour per real minute; in headless mode as fast as the CPU steps. The
 * alarm engine and detectors can share it in replay. Thread-safe (the simulation thread advances it).
 */
public final class SimClock extends Clock {
    private volatile Instant start;
    private final ZoneId zone;
    private volatile long elapsedNanos;

    public SimClock(Instant start, ZoneId zone) {
        this.start = start;
        this.zone = zone;
    }

    /** Sets the simulated seconds since {@link #start()} (called by the simulation). */
    public void set(double simSeconds) {
        this.elapsedNanos = Math.round(simSeconds * 1e9);
    }

    /** Moves the start (only before the simulation has advanced, e.g. to align with the wall clock at start-up). */
    public void rebase(Instant newStart) {
        this.start = newStart;
    }

    public Instant start() {
        return start;
    }

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        SimClock other = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return z;
            }

            @Override
            public Clock withZone(ZoneId zz) {
                return other.withZone(zz);
            }

            @Override
            public Instant instant() {
                return other.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return start.plusNanos(elapsedNanos);
    }

    /** The instant {@code simSeconds} after the start. */
    public Instant at(double simSeconds) {
        return start.plusNanos(Math.round(simSeconds * 1e9));
    }
}
