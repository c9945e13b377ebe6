package com.vigil.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.ingest.LiveSnapshot;
import com.vigil.model.Area;
import com.vigil.model.Limits;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.ui.kit.CssTokens;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.Theme;
import eu.hansolo.tilesfx.Tile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Selecting an alarm reveals its tag's tile: scrolled into view when it was not, marked, the mark moving on. */
@ExtendWith(ApplicationExtension.class)
class OverviewRevealTest {
    private OverviewView view;

    @Start
    void start(Stage stage) {
        List<Area> areas = List.of(new Area("A", "甲区", "Area A"), new Area("B", "乙区", "Area B"),
                new Area("C", "丙区", "Area C"));
        List<TagDef> tags = new ArrayList<>();
        for (Area a : areas) {
            for (int i = 0; i < 12; i++) {
                tags.add(new TagDef(a.id() + ".T" + i, a.id(), "", "tag " + i, TagKind.ANALOG, "°C", 0, 100, 40, 60,
                        Limits.NONE, 0, 0));
            }
        }
        view = new OverviewView(new OverviewViewModel(tags, new LiveSnapshot(10), TagAlarmLookup.NONE), areas,
                t -> t, new I18n(Locale.ENGLISH), CssTokens.dark(), new FxPulse(10), t -> { });
        Scene scene = new Scene(view, 800, 400); // four tiles a row, three rows an area: most tiles out of view
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    /** Whether the tile is wholly inside the scroll pane's viewport. */
    private boolean inView(String tag) throws Exception {
        return fx(() -> {
            view.layout();
            Tile t = view.tile(tag);
            Bounds tile = t.localToScene(t.getBoundsInLocal());
            Bounds port = view.localToScene(view.getBoundsInLocal());
            return tile.getMinY() >= port.getMinY() && tile.getMaxY() <= port.getMaxY();
        });
    }

    @Test
    void aTileOutOfViewIsScrolledInAndMarked() throws Exception {
        assertTrue(inView("A.T0"));
        assertTrue(!inView("C.T11"), "the last tile starts out of view");
        fx(() -> {
            view.reveal("C.T11");
            return null;
        });
        assertTrue(inView("C.T11"), "revealed: in view");
        assertTrue(fx(() -> view.tile("C.T11").getStyleClass().contains(Styles.TILE_REVEALED)), "and marked");

        double v = fx(view::getVvalue);
        fx(() -> {
            view.reveal("C.T10"); // already in view
            return null;
        });
        assertEquals(v, fx(view::getVvalue), 1e-9, "a tile in view does not move the picture");
        assertTrue(fx(() -> !view.tile("C.T11").getStyleClass().contains(Styles.TILE_REVEALED)
                && view.tile("C.T10").getStyleClass().contains(Styles.TILE_REVEALED)), "the mark moves");

        fx(() -> {
            view.reveal("A.T0");
            return null;
        });
        assertTrue(inView("A.T0"), "back up to the first area");
        fx(() -> {
            view.reveal("NO.SUCH.TAG"); // e.g. a server's communication alarm
            return null;
        });
        assertNull(fx(view::revealed), "an unknown tag only clears the mark");
    }
}
