package com.vigil.opcua.browse;

import com.vigil.opcua.Deadband;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tag list import/export as CSV (UTF-8, comma separated, RFC 4180 quoting, first line is the header,
 * columns in any order, lines starting with {@code #} are comments):
 *
 * <pre>
 * tag,nodeId,description,unit,engLow,engHigh,h,hh,l,ll,priority,area,samplingMs,deadband
 * RX.R201.TT,ns=2;s=RX.R201.TT,Reactor temperature,°C,0,250,180,195,,,2,Reactor,500,0.5
 * </pre>
 *
 * <ul>
 *   <li>{@code tag} (required, unique): plant tag id; {@code nodeId} (required): OPC UA node id
 *       ({@code ns=2;s=...}, {@code nsu=urn:...;s=...}, {@code ns=3;i=1001})</li>
 *   <li>{@code description}, {@code unit}, {@code area}: text</li>
 *   <li>{@code engLow}, {@code engHigh}: engineering range; {@code h}, {@code hh}, {@code l}, {@code ll}:
 *       alarm limits — numbers, empty = none; engLow &lt; engHigh, l &le; h, ll &le; l, h &le; hh</li>
 *   <li>{@code priority}: 1 (highest) .. 4, empty = none</li>
 *   <li>{@code samplingMs}: sampling interval in ms (empty = source default)</li>
 *   <li>{@code deadband}: empty/0 = none, {@code 0.5} = absolute, {@code 2%} = percent of the EU range</li>
 * </ul>
 * Errors name file, line and field.
 */
public final class TagListCsv {
    public static final List<String> COLUMNS = List.of("tag", "nodeId", "description", "unit", "engLow", "engHigh",
            "h", "hh", "l", "ll", "priority", "area", "samplingMs", "deadband");

    private TagListCsv() {
    }

    public static List<TagMapping> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new TagListException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    public static List<TagMapping> read(Reader in, String fileName) {
        List<List<String>> rows;
        List<Integer> lineNos = new ArrayList<>();
        try {
            rows = parse(in, lineNos, fileName);
        } catch (IOException e) {
            throw new TagListException(fileName, 0, null, "cannot read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new TagListException(fileName, 1, null, "empty file: the first line must be the header "
                    + String.join(",", COLUMNS));
        }
        List<String> header = rows.get(0);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim().replace("\uFEFF", "");
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(h)).findFirst().orElse(null);
            if (known == null) {
                throw new TagListException(fileName, lineNos.get(0), h, "unknown column; the columns are "
                        + String.join(",", COLUMNS));
            }
            if (col.put(known, i) != null) {
                throw new TagListException(fileName, lineNos.get(0), h, "column given twice");
            }
        }
        for (String req : List.of("tag", "nodeId")) {
            if (!col.containsKey(req)) {
                throw new TagListException(fileName, lineNos.get(0), req, "required column missing");
            }
        }
        List<TagMapping> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> f = rows.get(r);
            int line = lineNos.get(r);
            if (f.size() > header.size()) {
                throw new TagListException(fileName, line, null, f.size() + " fields but the header has " + header.size());
            }
            Row row = new Row(fileName, line, f, col);
            String tag = row.text("tag");
            if (tag.isEmpty()) {
                throw new TagListException(fileName, line, "tag", "empty; every row needs a tag id");
            }
            if (!seen.add(tag)) {
                throw new TagListException(fileName, line, "tag", "'" + tag + "' appears twice");
            }
            String nodeId = row.text("nodeId");
            if (!nodeId.matches("(ns=\\d+;|nsu=[^;]+;)?[isgb]=.+")) {
                throw new TagListException(fileName, line, "nodeId", "'" + nodeId
                        + "' is not a node id (e.g. ns=2;s=Tank.Level or ns=3;i=1001)");
            }
            double lo = row.number("engLow");
            double hi = row.number("engHigh");
            if (!Double.isNaN(lo) && !Double.isNaN(hi) && lo >= hi) {
                throw new TagListException(fileName, line, "engHigh", "engHigh " + hi + " must be above engLow " + lo);
            }
            double h = row.number("h");
            double hh = row.number("hh");
            double l = row.number("l");
            double ll = row.number("ll");
            order(fileName, line, "h", l, h, "l");
            order(fileName, line, "hh", h, hh, "h");
            order(fileName, line, "l", ll, l, "ll");
            int prio = 0;
            String p = row.text("priority");
            if (!p.isEmpty()) {
                try {
                    prio = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    prio = -1;
                }
                if (prio < 1 || prio > 4) {
                    throw new TagListException(fileName, line, "priority", "'" + p + "' is not 1, 2, 3 or 4");
                }
            }
            double sampling = row.number("samplingMs");
            if (!Double.isNaN(sampling) && sampling < 0) {
                throw new TagListException(fileName, line, "samplingMs", "must not be negative");
            }
            Deadband db;
            try {
                db = Deadband.parse(row.text("deadband"));
            } catch (NumberFormatException e) {
                throw new TagListException(fileName, line, "deadband", "'" + row.text("deadband")
                        + "' is not a deadband: use 0.5 (absolute) or 2% (percent of the range)");
            }
            if (db.value() < 0 || (db.type() == Deadband.Type.PERCENT && db.value() > 100)) {
                throw new TagListException(fileName, line, "deadband", "out of range");
            }
            out.add(new TagMapping(tag, nodeId, row.text("description"), row.text("unit"), lo, hi, h, hh, l, ll, prio,
                    row.text("area"), sampling, db));
        }
        return out;
    }

    private static void order(String file, int line, String field, double lower, double upper, String other) {
        if (!Double.isNaN(lower) && !Double.isNaN(upper) && lower > upper) {
            throw new TagListException(file, line, field, field + " (" + (field.equals("l") ? lower : upper)
                    + ") is on the wrong side of " + other);
        }
    }

    private record Row(String file, int line, List<String> fields, Map<String, Integer> col) {
        String text(String name) {
            Integer i = col.get(name);
            return i == null || i >= fields.size() ? "" : fields.get(i).trim();
        }

        double number(String name) {
            String t = text(name);
            if (t.isEmpty()) {
                return Double.NaN;
            }
            try {
                double d = Double.parseDouble(t);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new TagListException(file, line, name, "'" + t + "' is not a number (use a dot as decimal separator)");
            }
        }
    }

    /** RFC 4180 parser; records physical line numbers of each record's start. */
    private static List<List<String>> parse(Reader in, List<Integer> lineNos, String fileName) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowLine = 1;
        boolean lineHasContent = false;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int n = in.read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (n == -1) {
                            break;
                        }
                        ch = (char) n;
                        // fall through to the unquoted handling of this character
                        if (ch != ',' && ch != '\n' && ch != '\r') {
                            throw new TagListException(fileName, line, null, "text after a closing quote");
                        }
                    }
                    if (n == '"') {
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                    continue;
                }
            }
            if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                lineHasContent = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                lineHasContent = true;
            } else if (ch == '\r') {
                // ignored; \n ends the record
            } else if (ch == '\n') {
                endRecord(rows, lineNos, row, field, lineHasContent, rowLine);
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                lineHasContent = false;
                line++;
                rowLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
                lineHasContent = true;
            }
        }
        if (quoted) {
            throw new TagListException(fileName, rowLine, null, "a quoted field is not closed");
        }
        endRecord(rows, lineNos, row, field, lineHasContent, rowLine);
        return rows;
    }

    private static void endRecord(List<List<String>> rows, List<Integer> lineNos, List<String> row, StringBuilder field,
                                  boolean content, int rowLine) {
        if (!content) {
            return;
        }
        row.add(field.toString());
        if (row.size() == 1 && row.get(0).trim().startsWith("#")) {
            return;
        }
        if (!row.isEmpty() && row.get(0).startsWith("#")) {
            return;
        }
        rows.add(new ArrayList<>(row));
        lineNos.add(rowLine);
    }

    public static void write(Path file, List<TagMapping> rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static void write(Writer w, List<TagMapping> rows) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write("\n");
        for (TagMapping m : rows) {
            List<String> f = List.of(m.tag(), m.nodeId(), m.description(), m.unit(), num(m.engLow()), num(m.engHigh()),
                    num(m.h()), num(m.hh()), num(m.l()), num(m.ll()), m.priority() == 0 ? "" : Integer.toString(m.priority()),
                    m.area(), num(m.samplingMs()), m.deadband().toString());
            List<String> q = new ArrayList<>();
            for (String s : f) {
                q.add(quote(s));
            }
            w.write(String.join(",", q));
            w.write("\n");
        }
    }

    private static String num(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("#")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
