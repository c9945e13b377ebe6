package com.vigil.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.ingest.IngestPipeline;
import com.vigil.ingest.LiveSnapshot;
import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.Priority;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.ui.kit.CssTokens;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Theme;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.events.TileEvt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a pulse does to a tile whose value changed: it shows the value and draws the line, but does not redraw the rest
 * of the tile (TilesFX redraws the whole tile for every text or colour it is given) and does not re-lay out the
 * overview around it. An alarm still restyles the tile.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewUpdateTest {
    private final LiveSnapshot snapshot = new LiveSnapshot(10);
    private final IngestPipeline pipeline = new IngestPipeline(16, snapshot);
    private final Map<String, TagAlarmLookup.TagAlarm> alarms = new ConcurrentHashMap<>();
    private final AtomicLong alarmVersion = new AtomicLong();
    private final FxPulse pulse = new FxPulse(10);
    private OverviewView view;
    private long time = 1_767_225_600_000L;

    @Start
    void start(Stage stage) {
        List<Area> areas = List.of(new Area("A", "甲区", "Area A"), new Area("B", "乙区", "Area B"));
        List<TagDef> tags = new ArrayList<>();
        for (Area a : areas) {
            for (int i = 0; i < 6; i++) {
                tags.add(new TagDef(a.id() + ".T" + i, a.id(), "", "tag " + i, TagKind.ANALOG, "°C", 0, 100, 40, 60,
                        new Limits(null, 80.0, 20.0, null, null, null, Priority.GRADE_2, Priority.GRADE_2, null, 0), 0,
                        0));
            }
        }
        tags.add(new TagDef("A.SW", "A", "", "switch", TagKind.DISCRETE, "", 0, 1, 0, 1, Limits.NONE, 0, 0));
        TagAlarmLookup lookup = new TagAlarmLookup() {
            @Override
            public TagAlarm worst(String tag) {
                return alarms.get(tag);
            }

            @Override
            public long version() {
                return alarmVersion.get();
            }
        };
        view = new OverviewView(new OverviewViewModel(tags, snapshot, lookup), areas, t -> t, new I18n(Locale.ENGLISH),
                CssTokens.dark(), pulse, t -> { });
        Scene scene = new Scene(view, 800, 600);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
        pipeline.start();
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    /** Feeds one value through the ingest pipeline and lets the view's pulse apply it (the scene's passes follow). */
    private void show(String tag, double value) throws Exception {
        show(tag, value, Quality.GOOD);
    }

    private void show(String tag, double value, Quality quality) throws Exception {
        time += 1000;
        pipeline.onBatch(List.of(new Sample(tag, time, value, quality)));
        pipeline.drain(60_000);
        fx(() -> {
            pulse.pulse();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aNewValueIsShownWithoutRedrawingTheRestOfTheTile() throws Exception {
        show("A.T0", 50);
        Tile tile = fx(() -> view.tile("A.T0"));
        AtomicInteger redraws = new AtomicInteger();
        fx(() -> {
            tile.addTileObserver(TileEvt.REDRAW, e -> redraws.incrementAndGet());
            return null;
        });
        show("A.T0", 51);
        assertEquals(51, fx(tile::getValue), 1e-9);
        assertEquals(0, redraws.get(), "a new value alone sets no text or colour on the tile");

        alarms.put("A.T0", new TagAlarmLookup.TagAlarm(2, "H", true));
        alarmVersion.incrementAndGet();
        show("A.T0", 82);
        assertTrue(redraws.get() > 0, "an alarm restyles the tile");
        assertEquals(CssTokens.dark().alarm(2), fx(tile::getBorderColor));
        assertTrue(fx(tile::getText).startsWith("H"), fx(tile::getText));
        assertEquals(4, fx(tile::getBorderWidth), 1e-9, "unacknowledged: the wide border");

        alarms.remove("A.T0"); // cleared: everything the alarm set is set back, though the value is unchanged
        alarmVersion.incrementAndGet();
        show("A.T0", 82);
        assertEquals(CssTokens.dark().color("-vigil-border"), fx(tile::getBorderColor));
        assertEquals(1, fx(tile::getBorderWidth), 1e-9);
        assertEquals("A.T0", fx(tile::getText));
        assertEquals(CssTokens.dark().color("-vigil-value"), fx(tile::getValueColor));
    }

    @Test
    void aValueThatTurnsBadAndGoodAgainIsHiddenAndShownAgain() throws Exception {
        show("A.T1", 45);
        Tile tile = fx(() -> view.tile("A.T1"));
        assertTrue(fx(tile::isValueVisible));
        show("A.T1", 45, Quality.BAD);
        assertFalse(fx(tile::isValueVisible), "a bad value shows no number");
        assertEquals(CssTokens.dark().color("-vigil-quality-bad"), fx(tile::getBorderColor));
        show("A.T1", 45); // good again, with the very value it had
        assertTrue(fx(tile::isValueVisible), "good again: the number is back");
        assertEquals(45, fx(tile::getValue), 1e-9);
        assertEquals(CssTokens.dark().color("-vigil-border"), fx(tile::getBorderColor));
        assertEquals("A.T1", fx(tile::getText));

        show("A.SW", 1);
        Tile sw = fx(() -> view.tile("A.SW"));
        assertEquals("1 ●", fx(sw::getDescription));
        show("A.SW", 1, Quality.BAD);
        assertEquals(fx(sw::getText), fx(sw::getDescription), "a bad switch shows its quality word");
        show("A.SW", 1);
        assertEquals("1 ●", fx(sw::getDescription));
    }

    @Test
    void aNewValueReLaysOutItsTileOnly() throws Exception {
        show("B.T3", 41.5);
        Tile tile = fx(() -> view.tile("B.T3"));
        Parent flow = fx(tile::getParent);
        fx(() -> {
            tile.setValue(0); // force a layout request from inside the tile, as a new value's text does
            tile.setValue(99.95);
            assertFalse(flow.isNeedsLayout(), "the overview around the tile is not laid out anew");
            assertFalse(tile.isNeedsLayout(), "nor the tile itself: its size does not depend on its value");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Region pane = fx(() -> (Region) tile.getChildrenUnmodifiable().get(0));
        double contentWidth = fx(() -> tile.getWidth() - tile.getInsets().getLeft() - tile.getInsets().getRight());
        assertEquals(contentWidth, fx(pane::getWidth), 0.5, "the drawing still fills the tile");
        assertEquals(OverviewView.TILE_H - fx(() -> tile.getInsets().getTop() + tile.getInsets().getBottom()),
                fx(pane::getHeight), 0.5);

        fx(() -> {
            tile.setPrefSize(220, 190); // the pane is placed by the skin, not by the tile's layout: it must follow
            return null;
        });
        // the next layout pass applies it (waitForFxEvents does not guarantee one on a busy machine)
        double w = 220 - fx(() -> tile.getInsets().getLeft() + tile.getInsets().getRight());
        double h = 190 - fx(() -> tile.getInsets().getTop() + tile.getInsets().getBottom());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> fx(() -> Math.abs(pane.getWidth() - w) < 0.5 && Math.abs(pane.getHeight() - h) < 0.5));
        assertEquals(220 - fx(() -> tile.getInsets().getLeft() + tile.getInsets().getRight()), fx(pane::getWidth), 0.5);
        assertEquals(190 - fx(() -> tile.getInsets().getTop() + tile.getInsets().getBottom()), fx(pane::getHeight), 0.5);
    }
}
