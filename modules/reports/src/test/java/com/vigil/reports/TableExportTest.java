package com.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.reports.export.TableExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableExportTest {
    @TempDir
    Path dir;

    @Test
    void csvQuotesAndKeepsChinese() throws Exception {
        Path f = dir.resolve("a.csv");
        TableExport.write(f, TableExport.Format.CSV, List.of("tag", "comment", "value"),
                List.of(List.of("WH.GD11", "通风已启动, \"ok\"", 32.5)));
        String s = Files.readString(f, StandardCharsets.UTF_8);
        assertEquals("\uFEFFtag,comment,value\r\nWH.GD11,\"通风已启动, \"\"ok\"\"\",32.5\r\n", s);
    }

    @Test
    void xlsxIsAZipWithTheSheetCells() throws Exception {
        Path f = dir.resolve("a.xlsx");
        TableExport.write(f, TableExport.Format.XLSX, List.of("tag", "value"),
                List.of(List.of("RX.R201.TT", 176.25), List.of("a<b&c", 1)));
        try (ZipFile z = new ZipFile(f.toFile())) {
            String sheet = new String(z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">RX.R201.TT</t></is></c>"));
            assertTrue(sheet.contains("<c r=\"B2\"><v>176.25</v></c>"));
            assertTrue(sheet.contains("a&lt;b&amp;c"));
            assertTrue(z.getEntry("[Content_Types].xml") != null);
        }
    }

    @Test
    void columnNames() {
        assertEquals("A", com.vigil.reports.export.TableExportAccess.column(0));
        assertEquals("Z", com.vigil.reports.export.TableExportAccess.column(25));
        assertEquals("AA", com.vigil.reports.export.TableExportAccess.column(26));
    }
}
