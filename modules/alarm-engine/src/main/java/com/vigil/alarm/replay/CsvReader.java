package com.vigil.alarm.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 reader: comma separated, fields may be quoted with {@code "}, quotes doubled inside. One record
 * per line (no line breaks inside quotes). Blank lines and lines starting with {@code #} are skipped; a first line
 * whose first field is {@code timestamp} is a header.
 */
final class CsvReader {
    private final BufferedReader in;
    final String file;
    private int lineNo;
    private boolean first = true;

    CsvReader(Reader r, String file) {
        this.in = r instanceof BufferedReader b ? b : new BufferedReader(r);
        this.file = file;
    }

    /** Next record, or null at the end. */
    List<String> next() throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = split(line);
            boolean header = first && f.get(0).equalsIgnoreCase("timestamp");
            first = false;
            if (header) {
                continue;
            }
            return f;
        }
    }

    int line() {
        return lineNo;
    }

    CsvFormatException error(String field, String problem) {
        return new CsvFormatException(file, lineNo, field, problem);
    }

    private List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(wasQuoted ? cur.toString() : cur.toString().trim());
                cur.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted) {
                if (!Character.isWhitespace(c)) {
                    throw error(null, "text after closing quote in field " + (out.size() + 1));
                }
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw error(null, "unterminated quote in field " + (out.size() + 1));
        }
        out.add(wasQuoted ? cur.toString() : cur.toString().trim());
        return out;
    }

    /** ISO-8601 instant ({@code 2026-01-01T08:00:00Z}), local date-time taken as UTC, or epoch milliseconds. */
    Instant timestamp(String s, String field) {
        if (s.isEmpty()) {
            throw error(field, "empty timestamp");
        }
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw error(field, "epoch milliseconds out of range: '" + s + "'");
            }
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw error(field, "not a timestamp (ISO-8601 like 2026-01-01T08:00:00Z, or epoch ms): '" + s + "'");
            }
        }
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0
                && (s.isEmpty() || !Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1)))) {
            return s;
        }
        return '"' + s.replace("\r", " ").replace("\n", " ").replace("\"", "\"\"") + '"';
    }
}
