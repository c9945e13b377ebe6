package com.vigil.warning.offline;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.warning.online.AssetModels;
import com.vigil.warning.online.PeriodRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads recorded samples in the long CSV form {@code timestamp,tag,value,quality} — what the historian exports
 * and what {@code vigil sim --headless} writes — into a training table of fixed-period rows (the same
 * {@link PeriodRows} the online engine uses). Timestamps are ISO-8601 instants or epoch milliseconds and must
 * not go backwards; an empty value or a quality other than GOOD is a missing value.
 */
public final class RecordedSamples {
    /** A malformed recorded file: names the file, line and field. */
    public static final class FormatException extends IOException {
        public FormatException(Path file, long line, String field, String message) {
            super(file + ", line " + line + ", field " + field + ": " + message);
        }
    }

    private RecordedSamples() {
    }

    /** Reads {@code file} into a table with the given columns (tags not listed are skipped). */
    public static AssetModels.Table read(Path file, List<String> columns, long periodMillis) throws IOException {
        List<double[]> rows = new ArrayList<>();
        PeriodRows pr = new PeriodRows(columns, periodMillis, (t, row) -> rows.add(row.clone()), false);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) throw new FormatException(file, 1, "header", "empty file; expected timestamp,tag,value,quality");
            String h = header.strip().toLowerCase(Locale.ROOT);
            if (!h.startsWith("timestamp,tag,value")) {
                throw new FormatException(file, 1, "header", "expected timestamp,tag,value[,quality] but found '" + header + "'");
            }
            String line;
            long n = 1;
            long last = Long.MIN_VALUE;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length < 3) throw new FormatException(file, n, "value", "expected 3 or 4 fields, found " + f.length);
                long t = time(file, n, f[0].strip());
                if (t < last) throw new FormatException(file, n, "timestamp", f[0] + " is earlier than the line before");
                last = t;
                Quality q = Quality.GOOD;
                if (f.length > 3 && !f[3].isBlank()) {
                    try {
                        q = Quality.valueOf(f[3].strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new FormatException(file, n, "quality", "'" + f[3] + "' is not GOOD, UNCERTAIN, BAD or STALE");
                    }
                }
                double v;
                String vs = f[2].strip();
                if (vs.isEmpty()) {
                    v = Double.NaN;
                } else {
                    try {
                        v = Double.parseDouble(vs);
                    } catch (NumberFormatException e) {
                        throw new FormatException(file, n, "value", "'" + vs + "' is not a number");
                    }
                }
                if (f[1].isBlank()) throw new FormatException(file, n, "tag", "empty tag id");
                pr.accept(new Sample(f[1].strip(), t, v, q));
            }
            if (last != Long.MIN_VALUE) pr.advance(last + periodMillis);
        }
        return new AssetModels.Table(columns, rows.toArray(new double[0][]));
    }

    private static long time(Path file, long line, String s) throws FormatException {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new FormatException(file, line, "timestamp", "'" + s + "' is neither an ISO-8601 instant "
                    + "(2026-01-01T00:00:00Z) nor epoch milliseconds");
        }
    }
}
