package com.vigil.alarm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the output format and the flood count only; never asserts wall-clock figures. */
class AlarmBenchTest {
    @Test
    void linesHaveTheAgreedFormat() {
        List<String> lines = AlarmBench.run(Duration.ofMillis(50));
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).matches("BENCH alarms\\.eval \\d+ evals/s alarms=10000 .*"), lines.get(0));
        assertTrue(lines.get(1).startsWith("BENCH alarms.churn "), lines.get(1));
        assertTrue(lines.get(2).matches("BENCH alarms.flood [0-9.]+ ms raised=10000 journaled=10000 ok=true .*"), lines.get(2));
    }
}
