package com.vigil.opcua;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.opcua.bench.OpcUaBench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs and prints its line (small and short here; the real run is {@code vigil bench opcua}). */
class OpcUaBenchIT {
    @Test
    void benchPrintsChangesPerSecond() throws Exception {
        List<String> lines = OpcUaBench.run(500, 100, 2);
        assertTrue(lines.get(0).matches("BENCH opcua\\.changes \\d+ changes/s items=500 cpu=\\d+%"), lines.get(0));
    }
}
