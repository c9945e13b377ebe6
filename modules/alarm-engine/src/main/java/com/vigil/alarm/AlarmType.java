package com.vigil.alarm;

/** What kind of condition an alarm watches. Names are used in journals and exports. */
public enum AlarmType {
    /** High limit: active above the setpoint, clears below setpoint - deadband. */
    H,
    /** High-high limit. */
    HH,
    /** Low limit: active below the setpoint, clears above setpoint + deadband. */
    L,
    /** Low-low limit. */
    LL,
    /** Discrete off-normal: active while the 0/1 value equals the setpoint (the off-normal value). */
    DISCRETE,
    /** Sample quality BAD or STALE. */
    BAD_QUALITY,
    /** Rate of change: |dValue/dt| in units per minute above the setpoint. */
    ROC,
    /** Deviation: |value - value of the setpoint tag| above the setpoint. */
    DEVIATION,
    /** Communication loss, raised from outside (acquisition). */
    COMM,
    /** Raised from outside: early-warning detectors, OPC UA server conditions. */
    EXTERNAL;

    /** True for the types that are evaluated from samples inside the engine. */
    public boolean sampleDriven() {
        return this != COMM && this != EXTERNAL;
    }
}
