package com.vigil.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plant: its areas and tags, in definition order. Immutable. */
public final class Plant {
    private final String name;
    private final List<Area> areas;
    private final List<TagDef> tags;
    private final Map<String, TagDef> byId;

    public Plant(String name, List<Area> areas, List<TagDef> tags) {
        this.name = name;
        this.areas = List.copyOf(areas);
        this.tags = List.copyOf(tags);
        Map<String, TagDef> m = new LinkedHashMap<>();
        for (TagDef t : tags) {
            if (m.put(t.id(), t) != null) {
                throw new IllegalArgumentException("duplicate tag id " + t.id());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
        for (TagDef t : tags) {
            if (areas.stream().noneMatch(a -> a.id().equals(t.area()))) {
                throw new IllegalArgumentException("tag " + t.id() + " names unknown area " + t.area());
            }
        }
    }

    public String name() {
        return name;
    }

    public List<Area> areas() {
        return areas;
    }

    public List<TagDef> tags() {
        return tags;
    }

    public Optional<TagDef> tag(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<TagDef> tagsOf(String areaId) {
        return tags.stream().filter(t -> t.area().equals(areaId)).toList();
    }
}
