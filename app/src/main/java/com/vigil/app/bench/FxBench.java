package com.vigil.app.bench;

import com.vigil.ui.kit.Theme;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** What the UI benchmarks share: the FX toolkit, work timed on the FX thread, and the CSS and layout of a pulse. */
final class FxBench {
    private static final Method[] PASSES = scenePasses();

    private FxBench() {
    }

    /** Starts the FX toolkit once (headless Monocle when there is no display). */
    static void startFx() throws InterruptedException {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isEmpty()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1920x1080-32");
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }

    /** Runs {@code c} on the FX thread and waits for its result. */
    static <T> T onFx(Callable<T> c) {
        CompletableFuture<T> f = new CompletableFuture<>();
        com.vigil.ui.kit.FxPulse.onFx(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.join();
    }

    /** Shows {@code root} in a window of its own, in the dark theme (on the FX thread). */
    static <T extends Parent> T show(T root, double width, double height) {
        Stage stage = new Stage();
        Scene scene = new Scene(root, width, height);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
        return root;
    }

    /**
     * The CSS and layout work of one display pulse for the scene of {@code root}. JavaFX's own pulse restyles and lays
     * out only the nodes marked dirty; its passes are not public, so they are called by reflection (JavaFX on the class
     * path, as the launcher runs it). Where that is refused (JavaFX as named modules), {@code applyCss()} and
     * {@code layout()} are used instead: they restyle the whole tree and overstate the cost. {@link #passes()} says
     * which was used.
     */
    static void scenePass(Parent root) {
        Scene scene = root.getScene();
        if (PASSES != null) {
            try {
                // a layout may ask for another pass (a table does); that work belongs to this change too
                for (int pass = 0; pass < 3 && (pass == 0 || root.isNeedsLayout()); pass++) {
                    PASSES[0].invoke(scene);
                    PASSES[1].invoke(scene);
                }
                return;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("JavaFX's scene passes failed", e);
            }
        }
        root.applyCss();
        root.layout();
    }

    /** {@code scene} (JavaFX's own passes) or {@code forced} (the whole tree restyled), for the printed line. */
    static String passes() {
        return PASSES != null ? "scene" : "forced";
    }

    private static Method[] scenePasses() {
        try {
            Method css = Scene.class.getDeclaredMethod("doCSSPass");
            Method layout = Scene.class.getDeclaredMethod("doLayoutPass");
            css.setAccessible(true);
            layout.setAccessible(true);
            return new Method[] {css, layout};
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static double median(double[] x) {
        double[] c = x.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
