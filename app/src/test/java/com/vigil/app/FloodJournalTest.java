package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vigil.app.bench.FloodJournalBench;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6: a flood of 10,000 alarms within one second is journaled in SQLite with nothing lost. */
class FloodJournalTest {
    @Test
    void tenThousandAlarmsInOneSecondAreAllJournaled(@TempDir Path dir) {
        FloodJournalBench.Result r = FloodJournalBench.run(dir, 10_000);
        assertEquals(10_000, r.raised());
        assertEquals(10_000, r.journaled(), "every activation is a row in the journal");
    }
}
