package com.vigil.model;

public enum TagKind {
    /** A measured number (Float in OPC UA). */
    ANALOG,
    /** An on/off state (Boolean in OPC UA), carried as 0/1. */
    DISCRETE
}
