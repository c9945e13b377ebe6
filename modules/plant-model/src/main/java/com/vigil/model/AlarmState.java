package com.vigil.model;

/** Alarm states after ISA-18.2 / IEC 62682 (GB/T 41261). Names are used in journals and exports. */
public enum AlarmState {
    NORMAL,
    /** Active, not acknowledged. */
    UNACK,
    /** Active, acknowledged. */
    ACKED,
    /** Returned to normal, not yet acknowledged. */
    RTN_UNACK,
    /** Returned to normal but latched: needs a reset. */
    LATCHED,
    SHELVED,
    SUPPRESSED,
    OUT_OF_SERVICE
}
