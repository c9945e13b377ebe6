package com.vigil.alarm;

import com.vigil.model.AlarmState;
import com.vigil.model.Priority;
import java.util.Arrays;

/** Mutable per-alarm state that is not on the sample hot path. Guarded by the engine's lock. */
final class Slot {
    static final long NONE = Long.MIN_VALUE;

    final int index;
    AlarmDef def;
    /** 1 = operator ack only, 2 = + shift leader, 3 = + safety manager. */
    int requiredTiers;

    AlarmState state = AlarmState.NORMAL;
    boolean unacked;
    boolean latched;
    boolean shelved;
    boolean oos;
    boolean supCond;
    boolean supManual;
    /** An occurrence whose tier chain is being tracked. */
    boolean open;
    long shelvedUntil = NONE;
    String shelvedBy = "";
    String shelveReason = "";
    String oosBy = "";
    String oosReason = "";
    String supBy = "";
    String supReason = "";
    long activationTime = NONE;
    double valueAtActivation = Double.NaN;
    final String[] tierUser = new String[3];
    final long[] tierTime = new long[3];
    final String[] tierComment = new String[3];
    int escLevel;
    /** Escalations in the current occurrence. */
    int escalations;
    long escStart = NONE;
    long reAlarmAt = NONE;
    int occurrences;
    final long[] chatter;
    int chatterPos;

    Slot(int index, AlarmDef def, int chatterActivations) {
        this.index = index;
        redefine(def);
        this.chatter = new long[chatterActivations];
        Arrays.fill(chatter, NONE);
    }

    /** A new definition (grade, texts) for the next occurrence; only between occurrences. */
    void redefine(AlarmDef d) {
        this.def = d;
        this.requiredTiers = d.priority() == Priority.GRADE_1 ? 3 : d.priority() == Priority.GRADE_2 ? 2 : 1;
    }

    boolean masked() {
        return oos || supCond || supManual || shelved;
    }

    boolean suppressed() {
        return supCond || supManual;
    }

    boolean confirmationsPending() {
        for (int i = 1; i < requiredTiers; i++) {
            if (tierUser[i] == null) {
                return true;
            }
        }
        return false;
    }

    boolean hasObligations() {
        return open && (unacked || confirmationsPending());
    }

    /** Index of the tier whose action is due next, or -1. */
    int nextDueTier() {
        if (!open) {
            return -1;
        }
        if (unacked) {
            return 0;
        }
        for (int i = 1; i < requiredTiers; i++) {
            if (tierUser[i] == null) {
                return i;
            }
        }
        return -1;
    }

    void clearTiers(int from) {
        for (int i = from; i < 3; i++) {
            tierUser[i] = null;
            tierTime[i] = NONE;
            tierComment[i] = null;
        }
    }

    void recordActivation(long t) {
        chatter[chatterPos] = t;
        chatterPos = (chatterPos + 1) % chatter.length;
    }

    /** The last N activations lie within one window, and the newest is less than a window ago. */
    boolean chattering(long now, long window) {
        long oldest = chatter[chatterPos];
        long newest = chatter[(chatterPos + chatter.length - 1) % chatter.length];
        return oldest != NONE && newest - oldest < window && now - newest < window && now >= newest;
    }

    Slot copy() {
        Slot s = new Slot(index, def, chatter.length);
        s.copyFrom(this);
        return s;
    }

    void copyFrom(Slot o) {
        state = o.state;
        unacked = o.unacked;
        latched = o.latched;
        shelved = o.shelved;
        oos = o.oos;
        supCond = o.supCond;
        supManual = o.supManual;
        open = o.open;
        shelvedUntil = o.shelvedUntil;
        shelvedBy = o.shelvedBy;
        shelveReason = o.shelveReason;
        oosBy = o.oosBy;
        oosReason = o.oosReason;
        supBy = o.supBy;
        supReason = o.supReason;
        activationTime = o.activationTime;
        valueAtActivation = o.valueAtActivation;
        System.arraycopy(o.tierUser, 0, tierUser, 0, 3);
        System.arraycopy(o.tierTime, 0, tierTime, 0, 3);
        System.arraycopy(o.tierComment, 0, tierComment, 0, 3);
        escLevel = o.escLevel;
        escalations = o.escalations;
        escStart = o.escStart;
        reAlarmAt = o.reAlarmAt;
        occurrences = o.occurrences;
        System.arraycopy(o.chatter, 0, chatter, 0, chatter.length);
        chatterPos = o.chatterPos;
    }
}
