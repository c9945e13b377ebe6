package com.vigil.alarm;

import com.vigil.model.Role;
import java.time.Instant;

/**
 * An alarm was not handled within its tier's time: it escalated from {@code from} to {@code to} (equal when the
 * last tier is announced again). The UI must annunciate it again (sound, banner) to the {@code to} tier.
 */
public record Escalation(Instant time, AlarmView alarm, Role from, Role to) {
}
