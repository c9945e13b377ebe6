package com.vigil.ui.overview;

import com.vigil.model.Area;
import com.vigil.model.Quality;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.ui.kit.CssTokens;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * All tags as live TilesFX tiles, grouped by area. Grey and calm when normal (ISA-101); a tile takes
 * its alarm grade's colour as border and value colour, with the alarm label and grade as text (a second
 * cue besides colour). Bad and stale values show no number, only the quality word.
 */
public final class OverviewView extends ScrollPane {
    public static final double TILE_W = 176;
    public static final double TILE_H = 150;

    private final OverviewViewModel model;
    private final I18n i18n;
    private final CssTokens tokens;
    private final Map<String, Tile> tiles = new LinkedHashMap<>();
    private final Map<String, TagDef> defs = new LinkedHashMap<>();
    private final Map<String, LimitSparkLineSkin> lines = new LinkedHashMap<>();
    private final Map<String, Look> looks = new java.util.HashMap<>();
    /** Room above a revealed tile, for its area's title. */
    private static final double REVEAL_MARGIN = 32;
    private Tile revealed;

    public OverviewView(OverviewViewModel model, List<Area> areas, Function<String, String> describe, I18n i18n,
                        CssTokens tokens, FxPulse pulse, Consumer<String> onSelect) {
        this.model = model;
        this.i18n = i18n;
        this.tokens = tokens;
        VBox content = new VBox(8);
        content.setPadding(new Insets(8));
        for (Area area : areas) {
            List<TagDef> areaTags = model.tags().stream().filter(t -> t.area().equals(area.id())).toList();
            if (areaTags.isEmpty()) {
                continue;
            }
            Label title = new Label(area.name(i18n.locale()));
            title.getStyleClass().add(Styles.AREA_TITLE);
            FlowPane flow = new FlowPane(6, 6);
            for (TagDef t : areaTags) {
                Tile tile = tile(t, describe.apply(t.id()));
                tile.setOnMouseClicked(e -> onSelect.accept(t.id()));
                tiles.put(t.id(), tile);
                defs.put(t.id(), t);
                flow.getChildren().add(tile);
            }
            VBox box = new VBox(4, title, flow);
            box.getStyleClass().add(Styles.AREA_BOX);
            content.getChildren().add(box);
        }
        setContent(content);
        setFitToWidth(true);
        pulse.add(this::refresh);
    }

    private Tile tile(TagDef t, String description) {
        Tile tile = baseTile(t, description, tokens);
        if (t.kind() == TagKind.ANALOG) {
            LimitSparkLineSkin skin = new LimitSparkLineSkin(tile, t, LimitSparkLineSkin.Palette.of(tokens));
            tile.setSkin(skin);
            lines.put(t.id(), skin);
        }
        return tile;
    }

    /**
     * A tag's tile as the overview configures it, before the overview gives an analog tile its own skin. The tile
     * has TilesFX's type for the tag (SPARK_LINE for analog, TEXT otherwise) and no skin yet: TilesFX builds its own
     * skin for that type on the first CSS pass only if none has been set. {@code vigil bench ui-overview} uses this
     * to measure {@link LimitSparkLineSkin} against TilesFX's spark line on the same tiles.
     */
    public static Tile baseTile(TagDef t, String description, CssTokens tokens) {
        Color bg = tokens.color("-vigil-surface-raised");
        Color text = tokens.color("-vigil-text");
        Color muted = tokens.color("-vigil-text-muted");
        Tile tile = TileBuilder.create()
                .skinType(t.kind() == TagKind.ANALOG ? Tile.SkinType.SPARK_LINE : Tile.SkinType.TEXT)
                .prefSize(TILE_W, TILE_H)
                .title(description)
                .text(t.id())
                .unit(t.unit())
                .minValue(t.engLow())
                .maxValue(t.engHigh())
                .decimals(decimals(t))
                .tickLabelDecimals(decimals(t))
                .averagingEnabled(false)
                .animated(false)
                .textVisible(true)
                .backgroundColor(bg)
                .foregroundColor(text)
                .titleColor(muted)
                .textColor(muted)
                .unitColor(muted)
                .valueColor(tokens.color("-vigil-value"))
                .barColor(tokens.color("-vigil-trend-line"))
                .borderColor(tokens.color("-vigil-border"))
                .borderWidth(1)
                .build();
        tile.setId("tile-" + t.id());
        tile.setUserData(t.id());
        return tile;
    }

    private static int decimals(TagDef t) {
        double span = t.engHigh() - t.engLow();
        return span <= 5 ? 2 : span <= 50 ? 1 : 1;
    }

    /** Applies changed tile states; runs on the FX pulse. */
    void refresh() {
        Map<String, TileState> changes = model.changes();
        for (Map.Entry<String, TileState> e : changes.entrySet()) {
            Tile tile = tiles.get(e.getKey());
            if (tile != null) {
                apply(tile, defs.get(e.getKey()), e.getValue());
            }
        }
    }

    private void apply(Tile tile, TagDef def, TileState st) {
        boolean good = st.quality() == Quality.GOOD && !Double.isNaN(st.value());
        String status;
        Color valueColor = tokens.color("-vigil-value");
        Color border = tokens.color("-vigil-border");
        double borderWidth = 1;
        if (!good) {
            String q = st.quality() == Quality.GOOD ? Quality.BAD.name() : st.quality().name();
            status = i18n.t("quality." + q);
            valueColor = tokens.color(st.quality() == Quality.STALE ? "-vigil-quality-stale" : "-vigil-quality-bad");
            border = valueColor;
            borderWidth = 2;
        } else {
            status = def.id();
        }
        if (st.alarmGrade() > 0) {
            Color c = tokens.alarm(st.alarmGrade());
            border = c;
            borderWidth = st.unacknowledged() ? 4 : 2;
            if (good) {
                valueColor = c;
            }
            status = i18n.t("tile.alarm", st.alarmText(), i18n.t("alarms.grade." + st.alarmGrade())) + " · " + def.id();
        }
        String description = def.kind() != TagKind.DISCRETE ? null : good ? (st.value() >= 0.5 ? "1 ●" : "0 ○") : status;
        Look look = new Look(status, valueColor, border, borderWidth, good, description);
        Look before = looks.put(def.id(), look);
        // TilesFX redraws the whole tile on each of these setters, even for an equal value: only what changed is set,
        // so a new value alone costs the value and the line (see `vigil bench ui-overview`)
        if (before == null || !look.status().equals(before.status())) {
            tile.setText(status);
        }
        if (before == null || !look.value().equals(before.value())) {
            tile.setValueColor(valueColor);
        }
        if (before == null || !look.border().equals(before.border()) || look.borderWidth() != before.borderWidth()) {
            tile.setBorderColor(border);
            tile.setBorderWidth(borderWidth);
        }
        if (def.kind() == TagKind.DISCRETE) {
            if (before == null || !description.equals(before.description())) {
                tile.setDescription(description);
            }
            return;
        }
        if (before == null || good != before.good()) {
            tile.setValueVisible(good);
        }
        if (good) {
            tile.setValue(st.value());
            lines.get(def.id()).append(st.value());
        } else {
            lines.get(def.id()).gap(); // the line never bridges bad or stale values
        }
    }

    /** What a tile shows besides its value: set on the tile only when it changes. */
    private record Look(String status, Color value, Color border, double borderWidth, boolean good, String description) {
    }

    /**
     * Scrolls the overview so that the tile of {@code tag} is in view (with its area's title when there is room) and
     * marks it with a focus glow; the mark moves with the next reveal. The operator who selects an alarm sees where
     * it is. Unknown tags only clear the mark.
     */
    public void reveal(String tag) {
        if (revealed != null) {
            revealed.getStyleClass().remove(Styles.TILE_REVEALED);
        }
        revealed = tiles.get(tag);
        if (revealed == null) {
            return;
        }
        revealed.getStyleClass().add(Styles.TILE_REVEALED);
        // the mark's style on this tile only: applyCss() on the overview would restyle every tile of the plant
        revealed.applyCss();
        layout();
        Node content = getContent();
        Bounds b = content.sceneToLocal(revealed.localToScene(revealed.getBoundsInLocal()));
        double viewH = getViewportBounds().getHeight();
        double contentH = content.getLayoutBounds().getHeight();
        if (contentH <= viewH || viewH <= 0) {
            return;
        }
        double top = getVvalue() * (contentH - viewH);
        if (b.getMinY() >= top && b.getMaxY() <= top + viewH) {
            return; // already in view: do not move the picture under the operator's eyes
        }
        double target = Math.max(0, Math.min(contentH - viewH, b.getMinY() - REVEAL_MARGIN));
        setVvalue(target / (contentH - viewH));
    }

    /** The tile marked by {@link #reveal(String)}, or null (tests). */
    public Tile revealed() {
        return revealed;
    }

    /** The tile of a tag (tests, selection). */
    public Tile tile(String tag) {
        return tiles.get(tag);
    }

    public TileState shown(String tag) {
        return model.shown(tag);
    }
}
