package com.vigil.warning.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodRowsTest {
    @Test
    void oneSampleFromAWrongClockDoesNotStopTheRows() {
        List<Long> times = new ArrayList<>();
        PeriodRows rows = new PeriodRows(List.of("A", "B"), 10_000, (t, r) -> times.add(t));
        for (int s = 0; s < 600; s++) {
            rows.accept(Sample.good("A", s * 1000L, s));
            if (s == 100) {
                rows.accept(Sample.good("B", 86_400_000L * 365, 1)); // a device stamped a year ahead
            }
            if (s == 200) {
                rows.accept(Sample.good("B", -86_400_000L, 1)); // and one a day behind
            }
        }
        assertEquals(59, times.size(), "one row per 10 s all along");
        assertEquals(590_000L, times.get(times.size() - 1));
        assertEquals(2, rows.rejectedTimes());
        assertEquals(0, rows.timeJumps());
    }

    @Test
    void aRealClockJumpReAnchorsTheRows() {
        List<Long> times = new ArrayList<>();
        PeriodRows rows = new PeriodRows(List.of("A"), 10_000, (t, r) -> times.add(t));
        for (int s = 0; s < 100; s++) rows.accept(Sample.good("A", s * 1000L, s));
        long later = 3_600_000L * 5; // the source's clock was set 5 h ahead
        for (int s = 0; s < PeriodRows.JUMP_CONFIRM + 100; s++) rows.accept(Sample.good("A", later + s * 10L, s));
        assertEquals(1, rows.timeJumps());
        assertEquals(later + 10_000L, (long) times.get(times.size() - 1), "rows go on from the new time");
    }

    @Test
    void aRecordingTrustsItsTimesAndAGapIsNotFilledWithCopies() {
        List<Long> times = new ArrayList<>();
        PeriodRows rows = new PeriodRows(List.of("A"), 10_000, (t, r) -> times.add(t), false);
        for (int s = 0; s <= 20; s++) rows.accept(Sample.good("A", s * 1000L, s));
        int before = times.size();
        long later = 3_600_000L; // an hour without data in the recording
        for (int s = 0; s <= 30; s++) rows.accept(Sample.good("A", later + s * 1000L, s));
        assertEquals(0, rows.rejectedTimes(), "a recording's times are trusted");
        assertEquals(later + 30_000L, (long) times.get(times.size() - 1), "rows go on after the gap");
        assertTrue(times.size() - before < 10, "the hour is not filled with 360 copies of the last row: " + times);
    }
}
