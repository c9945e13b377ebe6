package com.vigil.warning.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A numeric table read from a benchmark file: sensor columns, rows (NaN for missing / non-numeric
 * cells), optional timestamps, and the problems found while reading (file, row, tag, what is needed).
 */
public record DataTable(Path file, List<String> columns, double[][] rows, long[] timesMillis, List<String> problems) {

    static final Set<String> SKAB_NON_SENSOR = Set.of("datetime", "anomaly", "changepoint");

    static final DateTimeFormatter TS = new DateTimeFormatterBuilder()
        .appendPattern("yyyy-MM-dd")
        .optionalStart().appendLiteral(' ').optionalEnd()
        .optionalStart().appendLiteral('T').optionalEnd()
        .appendPattern("HH:mm:ss")
        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
        .toFormatter(Locale.ROOT);

    public int size() {
        return rows.length;
    }

    public double[][] head(int n) {
        return Arrays.copyOf(rows, Math.min(n, rows.length));
    }

    static List<String> lines(Path f) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (out.isEmpty() && l.startsWith("\uFEFF")) l = l.substring(1);
            if (!l.isBlank()) out.add(l.strip());
        }
        return out;
    }

    /** Reads a SKAB csv ({@code ;}-separated, {@code datetime} first, labels ignored). */
    public static DataTable readSkab(Path f) throws IOException {
        List<String> lines = lines(f);
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty()) throw new IOException(f + ": empty file (need a header line and data rows)");
        String[] h = lines.get(0).split(";", -1);
        List<Integer> idx = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        int cTime = -1;
        for (int i = 0; i < h.length; i++) {
            String name = h[i].strip();
            if (name.equalsIgnoreCase("datetime")) cTime = i;
            else if (!SKAB_NON_SENSOR.contains(name.toLowerCase(Locale.ROOT))) {
                idx.add(i);
                cols.add(name.isEmpty() ? "column" + (i + 1) : name);
            }
        }
        if (cTime < 0) problems.add(f + ": no 'datetime' column; row numbers are used as seconds");
        if (cols.isEmpty()) throw new IOException(f + ": no sensor columns in header " + Arrays.toString(h) + " (need datetime;sensor...;anomaly;changepoint)");
        int n = lines.size() - 1;
        double[][] rows = new double[n][cols.size()];
        long[] times = new long[n];
        int bad = 0;
        for (int r = 0; r < n; r++) {
            String[] v = lines.get(r + 1).split(";", -1);
            if (v.length < h.length) {
                problems.add(f + " data row " + r + ": " + v.length + " fields, header has " + h.length + "; missing cells treated as missing values");
            }
            for (int j = 0; j < idx.size(); j++) {
                int c = idx.get(j);
                rows[r][j] = c < v.length ? parse(v[c]) : Double.NaN;
                if (c < v.length && Double.isNaN(rows[r][j]) && bad++ < 5) {
                    problems.add(f + " data row " + r + " tag " + cols.get(j) + ": '" + v[c].strip() + "' is not a number; treated as missing");
                }
            }
            times[r] = r * 1000L;
            if (cTime >= 0 && cTime < v.length) {
                try {
                    times[r] = LocalDateTime.parse(v[cTime].strip(), TS).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException e) {
                    if (bad++ < 5) problems.add(f + " data row " + r + ": cannot read datetime '" + v[cTime].strip() + "'");
                }
            }
        }
        if (bad > 5) problems.add(f + ": " + (bad - 5) + " more unreadable cells");
        return new DataTable(f, cols, rows, times, problems);
    }

    /**
     * Reads a whitespace-separated TEP .dat file (52 columns). A file with more columns than rows is
     * taken to be stored transposed (as d00.dat is) and is transposed back.
     */
    public static DataTable readTep(Path f) throws IOException {
        List<String> lines = lines(f);
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty()) throw new IOException(f + ": empty file");
        List<double[]> raw = new ArrayList<>();
        int bad = 0;
        int width = -1;
        for (int r = 0; r < lines.size(); r++) {
            String[] v = lines.get(r).trim().split("\\s+");
            if (width < 0) width = v.length;
            if (v.length != width) problems.add(f + " line " + (r + 1) + ": " + v.length + " values, expected " + width + "; padded/truncated");
            double[] x = new double[width];
            for (int j = 0; j < width; j++) {
                x[j] = j < v.length ? parse(v[j]) : Double.NaN;
                if (j < v.length && Double.isNaN(x[j]) && bad++ < 5) problems.add(f + " line " + (r + 1) + " column " + (j + 1) + ": '" + v[j] + "' is not a number; treated as missing");
            }
            raw.add(x);
        }
        double[][] m = raw.toArray(new double[0][]);
        if (m.length < width) {
            double[][] t = new double[width][m.length];
            for (int i = 0; i < m.length; i++) for (int j = 0; j < width; j++) t[j][i] = m[i][j];
            m = t;
            problems.add(f + ": stored transposed (" + lines.size() + " lines x " + width + " values); read as " + m.length + " samples");
        }
        int p = m[0].length;
        List<String> cols = new ArrayList<>();
        for (int j = 0; j < p; j++) cols.add(j < 41 ? String.format("XMEAS%02d", j + 1) : String.format("XMV%02d", j - 40));
        long[] times = new long[m.length];
        for (int i = 0; i < m.length; i++) times[i] = i * 180_000L;
        return new DataTable(f, cols, m, times, problems);
    }

    static double parse(String s) {
        String t = s.strip();
        if (t.isEmpty()) return Double.NaN;
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
