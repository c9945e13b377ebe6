package com.vigil.ui.overview;

import com.vigil.model.DisplayRange;
import com.vigil.model.TagDef;
import com.vigil.ui.kit.CssTokens;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.fonts.Fonts;
import eu.hansolo.tilesfx.skins.TileSkin;
import eu.hansolo.tilesfx.tools.Helper;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

/**
 * An analog tile's skin: title, value and unit, and a spark line of the last values drawn against the tag's
 * normal band and H/L limit lines, on the tag's {@link DisplayRange}. TilesFX's own spark line scales to the
 * minimum and maximum of its data, so a steady value's noise filled the whole height and every tile on a wall
 * looked restless; here a steady value draws flat inside its band, and a value creeping towards a limit is seen
 * creeping towards the limit line. Calm greys only (ISA-101): colour comes from the tile's alarm state, as
 * before.
 *
 * <p>The view pushes values with {@link #append(double)} and breaks the line with {@link #gap()} (bad or stale
 * quality). Runs on the FX thread.
 */
public final class LimitSparkLineSkin extends TileSkin {
    /** How many values the line holds (at about one sample a second, the last minute). */
    static final int POINTS = 60;

    /** Colours from the CSS tokens. */
    public record Palette(Color line, Color limit, Color band) {
        /** The theme's colours: {@code -vigil-trend-line}, {@code -vigil-limit-line}, {@code -vigil-normal-band}. */
        public static Palette of(CssTokens tokens) {
            return new Palette(tokens.color("-vigil-trend-line"), tokens.color("-vigil-limit-line"),
                    tokens.color("-vigil-normal-band"));
        }
    }

    private final TagDef def;
    private final Palette palette;
    private final double[] values = new double[POINTS];
    private int count;
    private int head;

    private Text titleText;
    private Text valueText;
    private Text unitText;
    private TextFlow valueUnitFlow;
    private Text text;
    private Rectangle band;
    private Line hLine;
    private Line lLine;
    private Text hText;
    private Text lText;
    private Path line;
    private Circle dot;
    private DisplayRange range;

    public LimitSparkLineSkin(Tile tile, TagDef def, Palette palette) {
        super(tile);
        this.def = def;
        this.palette = palette;
        this.range = DisplayRange.of(def, Double.NaN, Double.NaN);
        band.setFill(palette.band());
        for (Line l : new Line[] {hLine, lLine}) {
            l.setStroke(palette.limit());
        }
        hText.setFill(palette.limit());
        lText.setFill(palette.limit());
        line.setStroke(palette.line());
        dot.setFill(palette.line());
        hText.setText(def.limits().h() == null ? "" : "H " + format(def.limits().h()));
        lText.setText(def.limits().l() == null ? "" : "L " + format(def.limits().l()));
        hLine.setVisible(def.limits().h() != null);
        // a plant file without a normal band gives the engineering range: that is no band, so none is drawn
        band.setVisible(!(Math.min(def.normalLow(), def.normalHigh()) <= def.engLow()
                && Math.max(def.normalLow(), def.normalHigh()) >= def.engHigh()));
        lLine.setVisible(def.limits().l() != null);
        // The drawing pane is a layout root: a new value re-lays out this tile only, not the whole overview around it
        // (the tile's size never depends on its value). The pane is placed by layoutChildren below. With no managed
        // child the skin computes no preferred size of its own: the tile's must be set (the overview sets it).
        getPane().setManaged(false);
        resize();
        redraw();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        getPane().resizeRelocate(x, y, w, h);
    }

    @Override
    protected void initGraphics() {
        super.initGraphics();
        titleText = new Text();
        valueText = new Text();
        unitText = new Text();
        valueUnitFlow = new TextFlow(valueText, unitText);
        valueUnitFlow.setTextAlignment(TextAlignment.RIGHT);
        text = new Text();
        text.setTextOrigin(VPos.TOP);
        band = new Rectangle();
        hLine = new Line();
        lLine = new Line();
        hText = new Text();
        hText.setTextOrigin(VPos.BOTTOM);
        lText = new Text();
        lText.setTextOrigin(VPos.BOTTOM); // above its line too: below it, it would run into the tag text
        line = new Path();
        line.setFill(null);
        line.setStrokeLineCap(StrokeLineCap.ROUND);
        line.setStrokeLineJoin(StrokeLineJoin.ROUND);
        dot = new Circle();
        getPane().getChildren().addAll(titleText, valueUnitFlow, band, hLine, lLine, hText, lText, line, dot, text);
    }

    @Override
    protected void handleEvents(String eventType) {
        super.handleEvents(eventType);
        if ("VISIBILITY".equals(eventType)) {
            redraw();
        }
    }

    @Override
    protected void handleCurrentValue(double value) {
        valueText.setText(format(value));
        resizeDynamicText();
    }

    /**
     * Adds a good value to the line. A value equal to the newest one adds nothing: the tile's state also changes
     * when its alarm is acknowledged or changes, with the same value, and that must not move the line.
     */
    public void append(double value) {
        if (Double.isNaN(value)) {
            gap();
            return;
        }
        if (count > 0 && newest() == value) {
            return;
        }
        push(value);
        drawLine(); // the value text follows the tile's value (handleCurrentValue), not the line
    }

    /** Breaks the line: the next value starts a new stretch (bad or stale quality in between). */
    public void gap() {
        if (count > 0 && !Double.isNaN(newest())) {
            push(Double.NaN);
            drawLine();
        }
    }

    /** The i-th value held, oldest first (i < count). */
    private double at(int i) {
        return values[(head - count + i + POINTS) % POINTS];
    }

    private double newest() {
        return at(count - 1);
    }

    private void push(double v) {
        values[head] = v;
        head = (head + 1) % POINTS;
        count = Math.min(count + 1, POINTS);
    }

    /** The drawn line (tests). */
    Path line() {
        return line;
    }

    /** The H limit's line (tests). */
    Line hLine() {
        return hLine;
    }

    /** The value (tests). */
    Text valueText() {
        return valueText;
    }

    /** The unit (tests). */
    Text unitText() {
        return unitText;
    }

    /** The normal band (tests). */
    Rectangle band() {
        return band;
    }

    /** The range the line is drawn in now (tests). */
    public DisplayRange range() {
        return range;
    }

    /** The line's points as fractions of the range, oldest first, NaN for a gap (tests). */
    public double[] shownFractions() {
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = range.fraction(at(i));
        }
        return f;
    }

    private String format(double v) {
        return String.format(Locale.ROOT, "%." + tile.getDecimals() + "f", v);
    }

    private double graphX() {
        return size * 0.05;
    }

    private double graphY() {
        return size * 0.5;
    }

    private double graphW() {
        return width - size * 0.1;
    }

    private double graphH() {
        return height - size * 0.61;
    }

    private double y(double v) {
        return graphY() + graphH() * (1 - range.fraction(v));
    }

    private void drawLine() {
        if (range == null) {
            return; // still in the super constructor
        }
        range = DisplayRange.of(def, java.util.stream.IntStream.range(0, count).mapToDouble(this::at));
        double stepX = graphW() / (POINTS - 1);
        double x0 = graphX() + graphW() - (count - 1) * stepX; // newest at the right edge
        line.getElements().clear();
        boolean pen = false;
        double lastX = 0;
        double lastY = 0;
        for (int i = 0; i < count; i++) {
            double v = at(i);
            if (Double.isNaN(v)) {
                pen = false;
                continue;
            }
            lastX = x0 + i * stepX;
            lastY = y(v);
            line.getElements().add(pen ? new LineTo(lastX, lastY) : new MoveTo(lastX, lastY));
            pen = true;
        }
        boolean newestGood = count > 0 && !Double.isNaN(newest());
        dot.setVisible(newestGood);
        dot.setCenterX(lastX);
        dot.setCenterY(lastY);
        placeLimits();
    }

    private void placeLimits() {
        double x = graphX();
        double w = graphW();
        double bandTop = y(Math.max(def.normalLow(), def.normalHigh()));
        double bandBottom = y(Math.min(def.normalLow(), def.normalHigh()));
        band.setX(x);
        band.setWidth(w);
        band.setY(bandTop);
        band.setHeight(Math.max(1, bandBottom - bandTop));
        placeLimit(hLine, hText, def.limits().h());
        placeLimit(lLine, lText, def.limits().l());
    }

    /** A limit's dashed line across the graph, its label above the line at the left (newest values are at the right). */
    private void placeLimit(Line limitLine, Text label, Double limit) {
        if (limit == null) {
            return;
        }
        double y = y(limit);
        limitLine.setStartX(graphX());
        limitLine.setEndX(graphX() + graphW());
        limitLine.setStartY(y);
        limitLine.setEndY(y);
        label.setX(graphX());
        label.setY(y - 1);
    }

    private void fit(Text t, double fontSize) {
        double maxWidth = width - size * 0.1;
        if (maxWidth > 0 && t.getLayoutBounds().getWidth() > maxWidth) {
            Helper.adjustTextSize(t, maxWidth, fontSize);
        }
    }

    @Override
    protected void resizeDynamicText() {
        if (valueText == null) {
            return;
        }
        double maxWidth = unitText.isVisible() ? width - size * 0.275 : width - size * 0.1;
        double fontSize = size * 0.24;
        valueText.setFont(Fonts.latoRegular(fontSize));
        if (valueText.getLayoutBounds().getWidth() > maxWidth) {
            valueText.setFont(Fonts.latoRegular(fontSize * maxWidth / valueText.getLayoutBounds().getWidth()));
        }
        // the unit gets the room the value leaves: "0.1 %obs/m" fits whole, where a fixed share made it unreadable
        unitText.setFont(Fonts.latoRegular(size * 0.12));
        double unitRoom = width - size * 0.1 - valueText.getLayoutBounds().getWidth() - 2;
        if (unitRoom > 0 && unitText.getLayoutBounds().getWidth() > unitRoom) {
            Helper.adjustTextSize(unitText, unitRoom, size * 0.12);
        }
        text.setFont(Fonts.latoRegular(size * 0.06));
        fit(text, size * 0.06); // a long status ("BAD · Grade 2 · tag") shrinks, never runs past the tile's edge
        text.relocate(width - size * 0.05 - text.getLayoutBounds().getWidth(), height - size * 0.1);
    }

    @Override
    protected void resizeStaticText() {
        if (titleText == null) {
            return;
        }
        titleText.setFont(Fonts.latoRegular(size * 0.06));
        fit(titleText, size * 0.06); // a long title shrinks, never runs into the next tile
        titleText.relocate(size * 0.05, size * 0.05);

        Font limitFont = Fonts.latoRegular(size * 0.06);
        hText.setFont(limitFont);
        lText.setFont(limitFont);
    }

    @Override
    protected void resize() {
        super.resize();
        if (line == null || palette == null) {
            return;
        }
        line.setStrokeWidth(Math.max(1, size * 0.01));
        dot.setRadius(size * 0.014);
        double dash = Math.max(2, size * 0.015);
        hLine.getStrokeDashArray().setAll(dash, dash);
        lLine.getStrokeDashArray().setAll(dash, dash);
        resizeStaticText();
        resizeDynamicText();
        valueUnitFlow.setPrefWidth(width - size * 0.1);
        valueUnitFlow.relocate(size * 0.05, size * 0.15);
        drawLine();
    }

    @Override
    protected void redraw() {
        super.redraw();
        if (titleText == null) {
            return;
        }
        titleText.setText(tile.getTitle());
        text.setText(tile.getText());
        unitText.setText(tile.getUnit());
        titleText.setFill(tile.getTitleColor());
        valueText.setFill(tile.getValueColor());
        unitText.setFill(tile.getUnitColor());
        text.setFill(tile.getTextColor());
        valueText.setVisible(tile.isValueVisible());
        unitText.setVisible(tile.isValueVisible() && !tile.getUnit().isEmpty());
        resizeStaticText();
        resizeDynamicText();
    }
}
