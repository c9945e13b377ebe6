package com.vigil.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DisplayRangeTest {
    private static TagDef tag(double normalLow, double normalHigh, Limits limits) {
        return new TagDef("T", "A", "", "", TagKind.ANALOG, "", 0, 100, normalLow, normalHigh, limits, 0, 0);
    }

    private static Limits hl(Double h, Double l) {
        return new Limits(null, h, l, null, null, null, Priority.GRADE_2, Priority.GRADE_2, null, 0);
    }

    @Test
    void normalBandAndLimitsAreAlwaysInsideWithRoomAboveAndBelow() {
        DisplayRange r = DisplayRange.of(tag(40, 60, hl(80.0, 20.0)), 50.1, 50.2);
        assertEquals(20 - 60 * DisplayRange.PAD, r.low(), 1e-9);
        assertEquals(80 + 60 * DisplayRange.PAD, r.high(), 1e-9);
        // noise of 0.1 in a 60-wide range is a flat line, not a swing across the whole height
        assertEquals(0.0015, r.fraction(50.2) - r.fraction(50.1), 1e-4);
    }

    @Test
    void valuesOutsideTheLimitsWidenTheRange() {
        DisplayRange r = DisplayRange.of(tag(40, 60, hl(80.0, null)), 10, 95);
        assertEquals(10 - 85 * DisplayRange.PAD, r.low(), 1e-9);
        assertEquals(95 + 85 * DisplayRange.PAD, r.high(), 1e-9);
    }

    @Test
    void theValuesShownSetTheRangeAndGapsAreLeftOut() {
        TagDef t = tag(40, 60, hl(80.0, 20.0));
        assertEquals(DisplayRange.of(t, 10, 95),
                DisplayRange.of(t, java.util.stream.DoubleStream.of(Double.NaN, 95, 50, Double.NaN, 10)));
        assertEquals(DisplayRange.of(t, Double.NaN, Double.NaN),
                DisplayRange.of(t, java.util.stream.DoubleStream.of(Double.NaN)), "only gaps: band and limits");
    }

    @Test
    void noValuesYetGivesTheBandAndLimits() {
        DisplayRange r = DisplayRange.of(tag(40, 60, Limits.NONE), Double.NaN, Double.NaN);
        assertEquals(40 - 20 * DisplayRange.PAD, r.low(), 1e-9);
        assertEquals(0.5, r.fraction(50), 1e-9);
    }

    @Test
    void aTagWithoutBandOrLimitsStillGetsASpanFromItsEngineeringRange() {
        DisplayRange r = DisplayRange.of(tag(5, 5, Limits.NONE), 5, 5);
        assertEquals(5 - 100 * DisplayRange.PAD, r.low(), 1e-9);
        assertEquals(0.5, r.fraction(5), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new DisplayRange(1, 1));
    }
}
