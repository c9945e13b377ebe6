package com.vigil.alarm;

/** What happened to an alarm; one journal entry per event. */
public enum JournalEvent {
    /** The condition became active and the alarm was annunciated. */
    ACTIVATE,
    /** The condition returned to normal. */
    CLEAR,
    ACK,
    /** Tier confirmation by shift leader or safety manager. */
    CONFIRM,
    SHELVE,
    UNSHELVE,
    /** Shelve time ran out. */
    AUTO_UNSHELVE,
    RESET,
    REMOVE_FROM_SERVICE,
    RETURN_TO_SERVICE,
    SUPPRESS,
    UNSUPPRESS,
    /** Not handled in its tier's time: escalated to the next tier (or announced again at the last tier). */
    ESCALATE,
    /** Acknowledged but still active after the re-alarm time: annunciated again. */
    REALARM
}
