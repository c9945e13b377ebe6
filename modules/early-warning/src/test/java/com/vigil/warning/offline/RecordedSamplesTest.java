package com.vigil.warning.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.warning.online.AssetModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedSamplesTest {
    @Test
    void longCsvBecomesPeriodRowsWithBadValuesMissing(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rec.csv");
        Files.writeString(f, """
                timestamp,tag,value,quality
                2026-01-01T00:00:01Z,A,1.0,GOOD
                2026-01-01T00:00:01Z,B,10,GOOD
                2026-01-01T00:00:11Z,A,2.0,GOOD
                2026-01-01T00:00:12Z,B,,BAD
                2026-01-01T00:00:21Z,A,3.0,GOOD
                2026-01-01T00:00:22Z,X,5,GOOD
                """);
        AssetModels.Table t = RecordedSamples.read(f, List.of("A", "B"), 10_000);
        assertEquals(List.of("A", "B"), t.columns());
        assertEquals(3, t.rows().length);
        assertEquals(1.0, t.rows()[0][0]);
        assertEquals(10.0, t.rows()[0][1]);
        assertEquals(2.0, t.rows()[1][0]);
        assertTrue(Double.isNaN(t.rows()[1][1]), "bad quality is missing, not the last good value");
        assertEquals(3.0, t.rows()[2][0]);
    }

    @Test
    void errorsNameFileLineAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "timestamp,tag,value,quality\n2026-01-01T00:00:01Z,A,1.0,GOOD\n2026-01-01T00:00:02Z,A,abc,GOOD\n");
        Exception e = assertThrows(RecordedSamples.FormatException.class, () -> RecordedSamples.read(f, List.of("A"), 10_000));
        assertEquals(f + ", line 3, field value: 'abc' is not a number", e.getMessage());

        Files.writeString(f, "timestamp,tag,value\n2026-01-01T00:00:05Z,A,1\n2026-01-01T00:00:04Z,A,1\n");
        e = assertThrows(RecordedSamples.FormatException.class, () -> RecordedSamples.read(f, List.of("A"), 10_000));
        assertTrue(e.getMessage().contains("line 3, field timestamp"), e.getMessage());

        Files.writeString(f, "time;tag;value\n");
        e = assertThrows(RecordedSamples.FormatException.class, () -> RecordedSamples.read(f, List.of("A"), 10_000));
        assertTrue(e.getMessage().contains("line 1, field header"), e.getMessage());

        Files.writeString(f, "timestamp,tag,value,quality\n2026-01-01T00:00:01Z,A,1,MAYBE\n");
        e = assertThrows(RecordedSamples.FormatException.class, () -> RecordedSamples.read(f, List.of("A"), 10_000));
        assertTrue(e.getMessage().contains("line 2, field quality"), e.getMessage());
    }
}
