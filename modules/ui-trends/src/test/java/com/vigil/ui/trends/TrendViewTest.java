package com.vigil.ui.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Limits;
import com.vigil.model.Priority;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.ui.kit.CssTokens;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.time.FixedMillisecond;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trend reads its samples through the task runner (never on the FX thread), one read at a time, draws
 * bad samples as gaps, drops a read that comes back for a tag no longer shown, and keeps the last picture
 * with a visible line when a read fails.
 */
@ExtendWith(ApplicationExtension.class)
class TrendViewTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final TagDef TT = new TagDef("RX.R201.TT", "RX", "R201", "reactor temperature", TagKind.ANALOG,
            "°C", 0, 300, 120, 160, new Limits(190.0, 175.0, 100.0, null, null, Priority.GRADE_1, Priority.GRADE_2,
            Priority.GRADE_3, null, 1), 0, 0);
    private static final TagDef PT = new TagDef("RX.R201.PT", "RX", "R201", "reactor pressure", TagKind.ANALOG,
            "MPa", 0, 2, 0.2, 0.6, Limits.NONE, 0, 0);

    /**
     * A runner like the background one (work on another thread, the result handed back on the FX thread), except
     * that the work waits until the test runs it: the order of reads and pulses is the test's.
     */
    private static final class HeldRunner implements TaskRunner {
        private final List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            held.add(() -> {
                Runnable back;
                try {
                    T v = work.get();
                    back = () -> onSuccess.accept(v);
                } catch (RuntimeException e) {
                    back = () -> onError.accept(e);
                }
                Runnable onFx = back;
                try {
                    fx(() -> {
                        onFx.run();
                        return null;
                    });
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }

        int pending() {
            return held.size();
        }

        /** Runs the oldest held work on the test's thread, then its result on the FX thread. */
        void runNext() {
            held.remove(0).run();
        }
    }

    private final AtomicLong now = new AtomicLong(T0);
    private final Map<String, TagDef> defs = Map.of(TT.id(), TT, PT.id(), PT);
    private final List<String> reads = new ArrayList<>();
    private Function<String, List<Sample>> source = this::samples;
    private final HeldRunner runner = new HeldRunner();
    private TrendView view;

    @Start
    void start(Stage stage) {
        view = new TrendView(tag -> {
            reads.add(tag + (javafx.application.Platform.isFxApplicationThread() ? "@fx" : ""));
            return source.apply(tag);
        }, defs::get, id -> defs.get(id).description(), new I18n(Locale.ENGLISH), CssTokens.dark(),
                new FxPulse(10), runner, now::get);
        stage.setScene(new Scene(view, 800, 400));
        stage.show();
    }

    private List<Sample> samples(String tag) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Quality q = i == 4 ? Quality.BAD : Quality.GOOD;
            out.add(new Sample(tag, now.get() - (10 - i) * 1000L, 150 + i, q));
        }
        return out;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void readsOffTheFxThreadOneAtATimeAndDrawsBadSamplesAsGapsWithTheLimits() throws Exception {
        show(TT);
        assertEquals(1, runner.pending(), "showing a tag asks for its samples");
        assertTrue(reads.isEmpty(), "showing does not read on the FX thread");
        now.addAndGet(5000);
        pulse(); // a pulse while the read is still running
        assertEquals(1, runner.pending(), "one read at a time");

        runner.runNext();
        assertEquals(10, fx(view::points));
        assertEquals(List.of(TT.id()), reads, "read once, and not on the FX thread");
        long bad = now.get() - 6 * 1000L; // the fifth of the ten samples read at now
        assertNull(fx(() -> view.line().getValue(new FixedMillisecond(bad))), "a bad sample is a gap, not a value");
        assertEquals(150.0, fx(() -> view.line().getValue(0).doubleValue()));
        // values come on change: the last good one (159, a second ago) is drawn on to now
        assertEquals(2, fx(() -> view.held().getItemCount()));
        assertEquals(now.get() - 1000L, fx(() -> view.held().getTimePeriod(0).getFirstMillisecond()));
        assertEquals(now.get(), fx(() -> view.held().getTimePeriod(1).getFirstMillisecond()));
        assertEquals(159.0, fx(() -> view.held().getValue(1).doubleValue()));
        XYPlot plot = fx(this::chartPlot);
        assertEquals(3, plot.getRangeMarkers(Layer.FOREGROUND).size(), "HH, H and L drawn as lines");
        double lo = plot.getRangeAxis().getLowerBound();
        double hi = plot.getRangeAxis().getUpperBound();
        assertTrue(lo < 100 && hi > 175, "the axis shows the normal band and the H and L limits: " + lo + ".." + hi);
        assertEquals(now.get() - TrendView.WINDOW_MILLIS, plot.getDomainAxis().getLowerBound(), 1e-6);

        pulse(); // the read took 5 s, and came back just now: a slow history is not read back to back
        assertEquals(0, runner.pending(), "the next read a second after the last came back");
        now.addAndGet(1000);
        pulse();
        assertEquals(1, runner.pending(), "a second later the next read is asked for");
    }

    @Test
    void aBadLastValueIsNotDrawnOnToNow() throws Exception {
        source = tag -> List.of(new Sample(tag, now.get() - 60_000, 150, Quality.GOOD),
                new Sample(tag, now.get() - 30_000, Double.NaN, Quality.BAD));
        show(TT);
        runner.runNext();
        assertEquals(2, fx(view::points));
        assertNull(fx(view::held), "after a bad sample (a lost connection) nothing is held: the gap runs to now");
    }

    @Test
    void aReadForATagNoLongerShownIsDroppedAndTheNewTagIsReadNext() throws Exception {
        fx(() -> {
            view.show(TT.id());
            view.show(PT.id()); // the operator clicks on the next tile before the first read came back
            return null;
        });
        assertEquals(1, runner.pending(), "still one read at a time");
        runner.runNext();
        assertNull(fx(view::line), "the temperature's samples are not drawn under the pressure's title");
        assertTrue(fx(() -> chartPlot().getRangeAxis().getUpperBound()) < 1.0,
                "the pressure's own value range (0.2..0.6 MPa), not the temperature's, while its read is out");
        pulse(); // the next pulse reads the pressure at once
        assertEquals(1, runner.pending());
        runner.runNext();
        assertEquals(PT.id(), fx(() -> view.line().getKey()));
        assertEquals(List.of(TT.id(), PT.id()), reads);
    }

    @Test
    void aFailedReadKeepsTheLastPictureAndSaysSo() throws Exception {
        show(TT);
        runner.runNext();
        assertEquals(10, fx(view::points));
        assertFalse(fx(() -> view.failure().isVisible()));

        source = tag -> {
            throw new IllegalStateException("historian failed to read " + tag + ": database connection closed");
        };
        now.addAndGet(1000);
        pulse();
        runner.runNext();
        assertEquals(10, fx(view::points), "the last picture stays");
        assertTrue(fx(() -> view.failure().isVisible()));
        assertEquals("Trend not updated: historian failed to read RX.R201.TT: database connection closed",
                fx(() -> view.failure().getText()));

        source = this::samples;
        now.addAndGet(1000);
        pulse();
        runner.runNext();
        assertFalse(fx(() -> view.failure().isVisible()), "a good read clears the line");
    }

    @Test
    void aReadThatDoesNotComeBackIsSaidAfterFiveSeconds() throws Exception {
        show(TT);
        runner.runNext();
        now.addAndGet(1000);
        pulse();
        now.addAndGet(TrendView.SLOW_READ_MILLIS);
        pulse();
        assertFalse(fx(() -> view.failure().isVisible()), "5 s is not yet slow");
        now.addAndGet(1000);
        pulse();
        assertEquals("Trend not updated: the history has not answered for 6 s", fx(() -> view.failure().getText()));
        assertTrue(fx(() -> view.failure().isVisible()));
        assertEquals(10, fx(view::points), "the last picture stays");
        assertEquals(1, runner.pending(), "no second read beside the hung one");
        runner.runNext();
        assertFalse(fx(() -> view.failure().isVisible()), "the read came back");
    }

    /** A display pulse (the pulse itself is never started: the test decides when one comes). */
    private void pulse() throws Exception {
        fx(() -> {
            view.refresh();
            return null;
        });
    }

    private void show(TagDef def) throws Exception {
        fx(() -> {
            view.show(def.id());
            return null;
        });
    }

    private XYPlot chartPlot() {
        return ((org.jfree.chart.fx.ChartViewer) view.getCenter()).getChart().getXYPlot();
    }
}
