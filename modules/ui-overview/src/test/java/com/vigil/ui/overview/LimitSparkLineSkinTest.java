package com.vigil.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Limits;
import com.vigil.model.Priority;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tile's spark line is drawn on the tag's display range (normal band and H/L limits always inside), so a
 * steady value's noise draws flat and a value near its limit draws at the limit line; bad values break the line.
 */
@ExtendWith(ApplicationExtension.class)
class LimitSparkLineSkinTest {
    /** Normal 40–60, H 80, L 20: the range is 15.2 .. 84.8. */
    private static final TagDef TT = new TagDef("RX.R201.TT", "RX", "R201", "reactor temperature", TagKind.ANALOG,
            "°C", 0, 200, 40, 60, new Limits(null, 80.0, 20.0, null, null, null, Priority.GRADE_2, Priority.GRADE_2,
            null, 0), 0, 0);

    private static final LimitSparkLineSkin.Palette PALETTE = new LimitSparkLineSkin.Palette(Color.GREY,
            Color.DIMGREY, Color.DARKGREY);

    private Tile tile;
    private LimitSparkLineSkin skin;

    @Start
    void start(Stage stage) {
        tile = TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE).prefSize(176, 150).title("reactor temperature")
                .unit("°C").decimals(1).minValue(0).maxValue(200).animated(false).build();
        skin = new LimitSparkLineSkin(tile, TT, PALETTE);
        tile.setSkin(skin);
        stage.setScene(new Scene(new StackPane(tile), 300, 300));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    @Test
    void steadyNoiseDrawsFlatInsideTheBand() throws Exception {
        double[] f = fx(() -> {
            for (int i = 0; i < 30; i++) {
                skin.append(i % 2 == 0 ? 50.1 : 50.2);
            }
            return skin.shownFractions();
        });
        assertEquals(30, f.length);
        double spread = Arrays.stream(f).max().orElseThrow() - Arrays.stream(f).min().orElseThrow();
        // TilesFX's own spark line spread 0.1 of noise over the whole height (spread 1.0)
        assertTrue(spread < 0.01, "noise of 0.1 in a 70-wide range is flat, spread " + spread);
        assertTrue(f[0] > skin.range().fraction(40) && f[0] < skin.range().fraction(60), "inside the normal band");
        assertEquals(15.2, skin.range().low(), 1e-9);
        assertEquals(84.8, skin.range().high(), 1e-9);
    }

    /** The y of the line's points, oldest first. */
    private double[] ys() {
        return skin.line().getElements().stream()
                .mapToDouble(e -> e instanceof LineTo t ? t.getY() : ((MoveTo) e).getY()).toArray();
    }

    @Test
    void aValueAtItsLimitIsDrawnAtTheLimitLine() throws Exception {
        double[] y = fx(() -> {
            for (double v = 50; v <= 80; v += 5) {
                skin.append(v);
            }
            return ys();
        });
        assertTrue(fx(tile::getHeight) > 100, "the tile is laid out");
        assertEquals(7, y.length);
        assertTrue(y[0] - y[6] > 30, "50 is drawn well below 80: " + y[0] + " vs " + y[6]);
        assertEquals(fx(() -> skin.hLine().getStartY()), y[6], 0.5, "the newest point (80) sits on the H line (80)");
        assertTrue(fx(() -> skin.band().isVisible()), "the normal band 40–60 is drawn");
    }

    @Test
    void aTagWithoutANormalBandDrawsNoBand() throws Exception {
        // the plant file gives such a tag its engineering range as normal band
        TagDef valve = new TagDef("TF.T101.LV", "TF", "T101", "outlet valve", TagKind.ANALOG, "%", 0, 100, 0, 100,
                Limits.NONE, 0, 0);
        assertFalse(fx(() -> new LimitSparkLineSkin(TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE)
                .prefSize(176, 150).build(), valve, PALETTE).band().isVisible()));
    }

    @Test
    void aLongUnitGetsTheRoomAShortValueLeaves() throws Exception {
        TagDef smoke = new TagDef("WH.SD11", "WH", "", "smoke detector", TagKind.ANALOG, "%obs/m", 0, 10, 0, 1,
                Limits.NONE, 0, 0);
        double[] fontAndRoom = fx(() -> {
            Tile t = TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE).prefSize(176, 150).unit("%obs/m")
                    .decimals(1).minValue(0).maxValue(10).animated(false).build();
            LimitSparkLineSkin s = new LimitSparkLineSkin(t, smoke, PALETTE);
            t.setSkin(s);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(t), 300, 300));
            stage.show();
            t.setValue(0.1);
            s.append(0.1);
            t.layout();
            double font = s.unitText().getFont().getSize();
            assertEquals("0.1", s.valueText().getText(), "the value text follows the tile's value");
            stage.close();
            return new double[] {font, t.getHeight()};
        });
        // 150 px high: the unit's own size is 18 px; the old fixed share of the width shrank "%obs/m" to about 8
        assertTrue(fontAndRoom[0] >= 0.1 * Math.min(176, fontAndRoom[1]), "unit font " + fontAndRoom[0]);
    }

    @Test
    void theSameValueAgainDoesNotMoveTheLine() throws Exception {
        // the tile's state also changes when its alarm is acknowledged, with the same value
        assertEquals(2, fx(() -> {
            skin.append(50);
            skin.append(50);
            skin.append(51);
            skin.append(51);
            return skin.shownFractions().length;
        }));
    }

    @Test
    void aValueBeyondTheLimitsWidensTheRangeAndBadValuesBreakTheLine() throws Exception {
        double[] f = fx(() -> {
            skin.append(50);
            skin.append(51);
            skin.gap();
            skin.gap(); // one break, however long the bad stretch
            skin.append(120);
            return skin.shownFractions();
        });
        assertEquals(4, f.length);
        assertTrue(Double.isNaN(f[2]), "the gap is kept");
        assertFalse(Double.isNaN(f[3]));
        assertTrue(skin.range().high() > 120, "a value above H widens the range: " + skin.range());
        long moves = fx(() -> skin.line().getElements().stream().filter(e -> e instanceof MoveTo).count());
        assertEquals(2, moves, "two stretches: the line does not bridge the bad values");
    }
}
