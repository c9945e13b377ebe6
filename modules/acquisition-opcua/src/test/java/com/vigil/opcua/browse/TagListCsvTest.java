package com.vigil.opcua.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.opcua.Deadband;
import com.vigil.opcua.SubscriptionGroup;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagListCsvTest {
    static final String GOOD = """
            tag,nodeId,description,unit,engLow,engHigh,h,hh,l,ll,priority,area,samplingMs,deadband
            # reactor
            RX.TT,ns=2;s=RX.R201.TT,"Reactor temperature, top",°C,0,250,180,195,20,10,2,Reactor,500,0.5
            RX.PT,nsu=urn:vigil:demo-plant;s=RX.R201.PT,"He said \"\"hi\"\"",bar,0,16,,,,,,Reactor,500,0.5
            TK.LT,ns=3;i=1001,,m,0,100,,,,,4,Tanks,,2%
            """;

    @Test
    void readsQuotedFieldsCommentsAndDefaults() {
        List<TagMapping> rows = TagListCsv.read(new StringReader(GOOD), "tags.csv");
        assertEquals(3, rows.size());
        TagMapping tt = rows.get(0);
        assertEquals("Reactor temperature, top", tt.description());
        assertEquals("°C", tt.unit());
        assertEquals(195.0, tt.hh());
        assertEquals(2, tt.priority());
        assertEquals(Deadband.absolute(0.5), tt.deadband());
        assertEquals("He said \"hi\"", rows.get(1).description());
        assertTrue(Double.isNaN(rows.get(1).h()));
        assertEquals(0, rows.get(1).priority());
        assertEquals(Deadband.percent(2), rows.get(2).deadband());
        assertTrue(Double.isNaN(rows.get(2).samplingMs()));

        List<SubscriptionGroup> groups = TagMapping.groups(rows, 1000);
        assertEquals(2, groups.size(), "grouped by sampling interval and deadband");
        assertEquals(2, groups.get(0).bindings().size());
        assertEquals(1000.0, groups.get(1).samplingMillis());
    }

    @Test
    void exportThenImportGivesTheSameRows(@TempDir Path dir) throws Exception {
        List<TagMapping> rows = TagListCsv.read(new StringReader(GOOD), "tags.csv");
        Path f = dir.resolve("out.csv");
        TagListCsv.write(f, rows);
        assertTrue(Files.readString(f).startsWith(String.join(",", TagListCsv.COLUMNS)));
        List<TagMapping> back = TagListCsv.read(f);
        assertEquals(rows.toString(), back.toString());
        StringWriter w = new StringWriter();
        TagListCsv.write(w, back);
        assertEquals(Files.readString(f), w.toString());
    }

    @Test
    void errorsNameFileLineAndField() {
        TagListException e = assertThrows(TagListException.class, () -> TagListCsv.read(new StringReader(
                "tag,nodeId,engLow\nA,ns=2;s=A,0\nB,ns=2;s=B,zero\n"), "plant/tags.csv"));
        assertEquals("plant/tags.csv", e.file());
        assertEquals(3, e.line());
        assertEquals("engLow", e.field());
        assertTrue(e.getMessage().startsWith("plant/tags.csv:3: field 'engLow': 'zero' is not a number"), e.getMessage());

        assertField("tag,nodeId,colour\n", 1, "colour");
        assertField("tag\n", 1, "nodeId");
        assertField("tag,nodeId\nA,ns=2;s=A\nA,ns=2;s=B\n", 3, "tag");
        assertField("tag,nodeId\nA,Tank.Level\n", 2, "nodeId");
        assertField("tag,nodeId,engLow,engHigh\nA,ns=2;s=A,10,5\n", 2, "engHigh");
        assertField("tag,nodeId,h,hh\nA,ns=2;s=A,90,80\n", 2, "hh");
        assertField("tag,nodeId,priority\nA,ns=2;s=A,5\n", 2, "priority");
        assertField("tag,nodeId,deadband\nA,ns=2;s=A,lots\n", 2, "deadband");
        assertField("tag,nodeId,description\n\nA,ns=2;s=A,\"open\n", 3, null);
    }

    private static void assertField(String csv, int line, String field) {
        TagListException e = assertThrows(TagListException.class, () -> TagListCsv.read(new StringReader(csv), "t.csv"));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }
}
