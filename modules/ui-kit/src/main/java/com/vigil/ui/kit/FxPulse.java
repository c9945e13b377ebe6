package com.vigil.ui.kit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * The one way live data reaches the FX thread: producers only change their own state (and bump a
 * version); this pulse runs on the FX thread at a fixed rate (≤ 10 Hz) and lets every registered
 * updater apply what changed in one go. There is no {@code Platform.runLater} per sample anywhere.
 */
public final class FxPulse {
    /** Something the pulse refreshes; called on the FX thread. Should check a version and return fast. */
    @FunctionalInterface
    public interface Updater {
        void update();
    }

    private final List<Updater> updaters = new CopyOnWriteArrayList<>();
    private final Timeline timeline;
    private long pulses;

    /** @param hz pulses per second, at most 10 */
    public FxPulse(double hz) {
        if (hz <= 0 || hz > 10) {
            throw new IllegalArgumentException("pulse rate must be in (0, 10] Hz, was " + hz);
        }
        timeline = new Timeline(new KeyFrame(Duration.millis(1000.0 / hz), e -> pulse()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    public void add(Updater u) {
        updaters.add(u);
    }

    public void remove(Updater u) {
        updaters.remove(u);
    }

    public void start() {
        onFx(timeline::play);
    }

    public void stop() {
        onFx(timeline::stop);
    }

    /** Runs all updaters now (on the FX thread). Public so tests can drive the UI deterministically. */
    public void pulse() {
        pulses++;
        for (Updater u : updaters) {
            try {
                u.update();
            } catch (RuntimeException e) {
                System.err.println("UI update failed: " + e);
                e.printStackTrace();
            }
        }
    }

    public long pulses() {
        return pulses;
    }

    /**
     * Runs {@code r} on the FX thread (now if already there). For one-off results of background tasks
     * (a finished save, a dialog), not for streaming data.
     */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
