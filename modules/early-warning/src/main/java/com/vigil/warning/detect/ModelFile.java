package com.vigil.warning.detect;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simple line-oriented text format for fitted models, written and read with the JDK only.
 *
 * <pre>
 * vigil-early-warning-model 1
 * kind pca
 * s name=value           (string; value percent-escaped)
 * d name=1.5             (double, Double.toString / "NaN")
 * v name=n a b c ...     (double vector)
 * m name=r c a b c ...   (row-major matrix)
 * t name=n a b c ...     (string list, each percent-escaped)
 * end
 * </pre>
 * The version number on the first line is checked on load; unknown keys are ignored so that newer
 * writers can add fields without breaking older readers of the same major version.
 */
public final class ModelFile {
    public static final String MAGIC = "vigil-early-warning-model";
    public static final int VERSION = 1;

    private String kind;
    private final Map<String, String> strings = new LinkedHashMap<>();
    private final Map<String, Double> doubles = new LinkedHashMap<>();
    private final Map<String, double[]> vectors = new LinkedHashMap<>();
    private final Map<String, double[][]> matrices = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();

    public ModelFile(String kind) {
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    public ModelFile put(String key, String v) { strings.put(key, v); return this; }
    public ModelFile put(String key, double v) { doubles.put(key, v); return this; }
    public ModelFile put(String key, double[] v) { vectors.put(key, v.clone()); return this; }
    public ModelFile put(String key, double[][] v) { matrices.put(key, v); return this; }
    public ModelFile put(String key, List<String> v) { lists.put(key, List.copyOf(v)); return this; }

    public String string(String key) { return require(strings, key); }
    public double number(String key) { return require(doubles, key); }
    public double number(String key, double dflt) { return doubles.getOrDefault(key, dflt); }
    public double[] vector(String key) { return require(vectors, key).clone(); }
    public double[][] matrix(String key) { return require(matrices, key); }
    public List<String> list(String key) { return require(lists, key); }
    public boolean has(String key) {
        return strings.containsKey(key) || doubles.containsKey(key) || vectors.containsKey(key)
            || matrices.containsKey(key) || lists.containsKey(key);
    }

    /** Copies every field into {@code target} with the given key prefix (nested models). */
    public void copyInto(ModelFile target, String prefix) {
        strings.forEach((k, v) -> target.strings.put(prefix + k, v));
        doubles.forEach((k, v) -> target.doubles.put(prefix + k, v));
        vectors.forEach((k, v) -> target.vectors.put(prefix + k, v));
        matrices.forEach((k, v) -> target.matrices.put(prefix + k, v));
        lists.forEach((k, v) -> target.lists.put(prefix + k, v));
    }

    /** The fields under {@code prefix}, as a model of the given kind. */
    public ModelFile extract(String prefix, String kind) {
        ModelFile m = new ModelFile(kind);
        strings.forEach((k, v) -> { if (k.startsWith(prefix)) m.strings.put(k.substring(prefix.length()), v); });
        doubles.forEach((k, v) -> { if (k.startsWith(prefix)) m.doubles.put(k.substring(prefix.length()), v); });
        vectors.forEach((k, v) -> { if (k.startsWith(prefix)) m.vectors.put(k.substring(prefix.length()), v); });
        matrices.forEach((k, v) -> { if (k.startsWith(prefix)) m.matrices.put(k.substring(prefix.length()), v); });
        lists.forEach((k, v) -> { if (k.startsWith(prefix)) m.lists.put(k.substring(prefix.length()), v); });
        return m;
    }

    private <T> T require(Map<String, T> m, String key) {
        T v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("model file (kind " + kind + ") has no field '" + key + "'");
        }
        return v;
    }

    public void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(MAGIC + " " + VERSION + "\n");
            w.write("kind " + esc(kind) + "\n");
            for (var e : strings.entrySet()) w.write("s " + esc(e.getKey()) + "=" + esc(e.getValue()) + "\n");
            for (var e : doubles.entrySet()) w.write("d " + esc(e.getKey()) + "=" + e.getValue() + "\n");
            for (var e : vectors.entrySet()) {
                StringBuilder sb = new StringBuilder("v ").append(esc(e.getKey())).append('=').append(e.getValue().length);
                for (double x : e.getValue()) sb.append(' ').append(x);
                w.write(sb.append('\n').toString());
            }
            for (var e : matrices.entrySet()) {
                double[][] m = e.getValue();
                int cols = m.length == 0 ? 0 : m[0].length;
                StringBuilder sb = new StringBuilder("m ").append(esc(e.getKey())).append('=').append(m.length).append(' ').append(cols);
                for (double[] row : m) for (double x : row) sb.append(' ').append(x);
                w.write(sb.append('\n').toString());
            }
            for (var e : lists.entrySet()) {
                StringBuilder sb = new StringBuilder("t ").append(esc(e.getKey())).append('=').append(e.getValue().size());
                for (String s : e.getValue()) sb.append(' ').append(esc(s));
                w.write(sb.append('\n').toString());
            }
            w.write("end\n");
        }
    }

    public static ModelFile read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null || !first.startsWith(MAGIC + " ")) {
                throw new IOException(file + ": not a Vigil early-warning model (first line must be '" + MAGIC + " <version>')");
            }
            int version;
            try {
                version = Integer.parseInt(first.substring(MAGIC.length() + 1).trim());
            } catch (NumberFormatException e) {
                throw new IOException(file + " line 1: bad version '" + first + "'");
            }
            if (version != VERSION) {
                throw new IOException(file + ": model version " + version + " is not supported (this build reads version " + VERSION + ")");
            }
            ModelFile mf = new ModelFile("?");
            String line;
            int ln = 1;
            boolean ended = false;
            while ((line = r.readLine()) != null) {
                ln++;
                if (line.isBlank()) continue;
                if (line.equals("end")) { ended = true; break; }
                try {
                    mf.parseLine(line);
                } catch (RuntimeException e) {
                    throw new IOException(file + " line " + ln + ": " + e.getMessage(), e);
                }
            }
            if (!ended) {
                throw new IOException(file + ": truncated model file (no 'end' line)");
            }
            return mf;
        }
    }

    private void parseLine(String line) {
        if (line.startsWith("kind ")) { kind = unesc(line.substring(5).trim()); return; }
        if (line.length() < 3 || line.charAt(1) != ' ') throw new IllegalArgumentException("cannot read '" + abbreviate(line) + "'");
        char t = line.charAt(0);
        String rest = line.substring(2);
        int eq = rest.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("missing '=' in '" + abbreviate(line) + "'");
        String key = unesc(rest.substring(0, eq));
        String val = rest.substring(eq + 1);
        switch (t) {
            case 's' -> strings.put(key, unesc(val));
            case 'd' -> doubles.put(key, Double.parseDouble(val.trim()));
            case 'v' -> {
                String[] p = val.trim().split(" ");
                int n = Integer.parseInt(p[0]);
                if (p.length != n + 1) throw new IllegalArgumentException("vector " + key + ": expected " + n + " numbers, found " + (p.length - 1));
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = Double.parseDouble(p[i + 1]);
                vectors.put(key, v);
            }
            case 'm' -> {
                String[] p = val.trim().split(" ");
                int rows = Integer.parseInt(p[0]), cols = Integer.parseInt(p[1]);
                if (p.length != rows * cols + 2) throw new IllegalArgumentException("matrix " + key + ": expected " + rows * cols + " numbers, found " + (p.length - 2));
                double[][] m = new double[rows][cols];
                for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) m[i][j] = Double.parseDouble(p[2 + i * cols + j]);
                matrices.put(key, m);
            }
            case 't' -> {
                String[] p = val.trim().split(" ", -1);
                int n = Integer.parseInt(p[0]);
                List<String> l = new ArrayList<>();
                for (int i = 0; i < n; i++) l.add(unesc(p[i + 1]));
                lists.put(key, l);
            }
            default -> throw new IllegalArgumentException("unknown field type '" + t + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** Percent-escapes '%', whitespace, '=' and control characters so that names survive one-line storage. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            int c = x & 0xff;
            if (c <= 0x20 || c == '%' || c == '=' || c >= 0x7f) sb.append('%').append(String.format("%02X", c));
            else sb.append((char) c);
        }
        return sb.length() == 0 ? "%" : sb.toString();
    }

    static String unesc(String s) {
        if (s.equals("%")) return "";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write((byte) c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
