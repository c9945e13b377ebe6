package com.vigil.warning.online;

import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.warning.detect.Detectors;
import com.vigil.warning.detect.EarlyWarningModel;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One multivariate model per asset (a piece of equipment: its analog tags together). Groups the plant's tags
 * into assets, trains the models on a table of normal operation (a training window or a recorded file), and
 * saves / loads them as one versioned model file per asset ({@code <asset>.model}) in a directory.
 */
public final class AssetModels {
    /** File name suffix of a saved asset model. */
    public static final String SUFFIX = ".model";
    /**
     * Detector configuration used for plant assets: PCA T²+SPE with EWMA smoothing, raised at 1.5 × the
     * calibrated 99 % limit (margin for the difference between the training day and another day) after 6 rows
     * (1 min) above it, cleared below 0.7 × the raise level.
     */
    public static final String DEFAULT_DETECTOR = "pca:alarm=1.5,on=6";
    /** Fewer training rows than this and the asset is not modelled (the message says so). */
    public static final int MIN_ROWS = 200;

    /**
     * An asset: {@code id} is {@code area.equipment} (or the area when tags have no equipment), {@code tags}
     * its analog tags in plant order.
     */
    public record Asset(String id, String area, List<String> tags) {
        public Asset {
            tags = List.copyOf(tags);
        }
    }

    /** Normal-operation rows: {@code rows[i][j]} is column {@code j} at row {@code i} (NaN = missing). */
    public record Table(List<String> columns, double[][] rows) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    private AssetModels() {
    }

    /** The columns of a training table for these tags: every analog tag, in plant order. */
    public static List<String> trainingColumns(List<TagDef> tags) {
        return tags.stream().filter(t -> t.kind() == TagKind.ANALOG).map(TagDef::id).toList();
    }

    /** The rows of several tables with the same columns, one after the other. */
    public static Table concat(List<Table> tables) {
        if (tables.isEmpty()) throw new IllegalArgumentException("no training tables");
        List<double[]> rows = new ArrayList<>();
        for (Table t : tables) {
            if (!t.columns().equals(tables.get(0).columns())) throw new IllegalArgumentException("training tables have different columns");
            rows.addAll(List.of(t.rows()));
        }
        return new Table(tables.get(0).columns(), rows.toArray(new double[0][]));
    }

    /**
     * Pieces of equipment with at least two analog tags (a single tag is covered by its limits and time to
     * threshold). Tags without equipment (area gas detectors, for instance) are not grouped: they do not move
     * together as one process.
     */
    public static List<Asset> assets(List<TagDef> tags) {
        Map<String, List<TagDef>> by = new LinkedHashMap<>();
        for (TagDef t : tags) {
            if (t.kind() != TagKind.ANALOG || t.equipment().isBlank()) continue;
            String id = t.area() + "." + t.equipment();
            by.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
        }
        List<Asset> out = new ArrayList<>();
        for (var e : by.entrySet()) {
            if (e.getValue().size() >= 2) {
                out.add(new Asset(e.getKey(), e.getValue().get(0).area(), e.getValue().stream().map(TagDef::id).toList()));
            }
        }
        return out;
    }

    /**
     * Fits one model per asset on {@code normal}. Assets whose tags are missing from the table, are all
     * constant, or have too few rows are skipped, each with a line in {@code notes}; so are the detector's own
     * notes (constant tags ignored).
     */
    public static Map<String, EarlyWarningModel> train(List<Asset> assets, Table normal, String detectorSpec,
                                                       List<String> notes) {
        Map<String, Integer> col = new java.util.HashMap<>();
        for (int j = 0; j < normal.columns().size(); j++) col.put(normal.columns().get(j), j);
        Map<String, EarlyWarningModel> models = new TreeMap<>();
        int n = normal.rows().length;
        for (Asset a : assets) {
            List<String> present = a.tags().stream().filter(col::containsKey).toList();
            if (present.size() < a.tags().size()) {
                notes.add("asset " + a.id() + ": tags missing from the training data ("
                        + a.tags().stream().filter(t -> !col.containsKey(t)).collect(Collectors.joining(", ")) + ")");
            }
            if (present.size() < 2) {
                notes.add("asset " + a.id() + ": needs at least 2 tags with training data; not modelled");
                continue;
            }
            if (n < MIN_ROWS) {
                notes.add("asset " + a.id() + ": " + n + " training rows, needs at least " + MIN_ROWS + "; not modelled");
                continue;
            }
            double[][] x = new double[n][present.size()];
            int varying = 0;
            for (int j = 0; j < present.size(); j++) {
                int c = col.get(present.get(j));
                double first = Double.NaN;
                boolean varies = false;
                for (int i = 0; i < n; i++) {
                    double v = normal.rows()[i][c];
                    x[i][j] = v;
                    if (Double.isFinite(v)) {
                        if (Double.isNaN(first)) first = v;
                        else if (v != first) varies = true;
                    }
                }
                if (varies) varying++;
            }
            if (varying < 2) {
                notes.add("asset " + a.id() + ": fewer than 2 tags vary in the training data; not modelled");
                continue;
            }
            try {
                Detectors.Config cfg = Detectors.create(detectorSpec);
                EarlyWarningModel m = cfg.fit(x, present);
                for (String note : m.detector().fitNotes()) notes.add("asset " + a.id() + ": " + note);
                models.put(a.id(), m.renamed(a.id()));
            } catch (IllegalArgumentException e) {
                notes.add("asset " + a.id() + ": " + e.getMessage() + "; not modelled");
            }
        }
        int tags = 0, checked = 0;
        for (EarlyWarningModel m : models.values()) {
            for (double l : m.frozenValues().map(f -> f.limits()).orElse(new double[0])) {
                tags++;
                if (l > 0) checked++;
            }
        }
        if (tags > 0) {
            notes.add("frozen-value check on " + checked + " of " + tags + " modelled tags (the others repeat their value "
                    + "in more than half of their training rows, or are constant)");
        }
        return models;
    }

    /**
     * Replaces the model set in {@code dir} with {@code models}: writes {@code <dir>/<asset>.model} for each (to a
     * temporary file first, then moved into place) and deletes the model files of assets not in the new set, so
     * the console never loads a model older than the set. Returns the asset ids whose models were removed.
     */
    public static List<String> save(Map<String, EarlyWarningModel> models, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : models.entrySet()) {
            Path tmp = dir.resolve(e.getKey() + SUFFIX + ".tmp");
            e.getValue().save(tmp);
            Files.move(tmp, dir.resolve(e.getKey() + SUFFIX), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        List<String> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                if (!models.containsKey(id)) {
                    Files.delete(f);
                    removed.add(id);
                }
            }
        }
        java.util.Collections.sort(removed);
        return removed;
    }

    /**
     * Loads the models in {@code dir} for the given assets. A file that cannot be read (damaged, other version)
     * or whose tags are not all in the asset is skipped with a note naming the file; a missing directory gives
     * an empty map.
     */
    public static Map<String, EarlyWarningModel> load(Path dir, List<Asset> assets, List<String> notes) throws IOException {
        Map<String, EarlyWarningModel> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        Map<String, Asset> byId = assets.stream().collect(Collectors.toMap(Asset::id, a -> a));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                Asset a = byId.get(id);
                if (a == null) {
                    notes.add(f + ": no asset " + id + " in this plant; ignored");
                    continue;
                }
                try {
                    EarlyWarningModel m = EarlyWarningModel.load(f);
                    Set<String> tags = Set.copyOf(a.tags());
                    List<String> unknown = m.columns().stream().filter(c -> !tags.contains(c)).toList();
                    if (!unknown.isEmpty()) {
                        notes.add(f + ": tags " + unknown + " are not tags of asset " + id + "; retrain the model");
                        continue;
                    }
                    out.put(id, m);
                } catch (IOException | RuntimeException e) {
                    notes.add(f + ": " + e.getMessage() + "; ignored (retrain the model)");
                }
            }
        }
        return out;
    }
}
