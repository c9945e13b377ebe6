package com.vigil.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers the console's TestFX tests share. */
final class FxTests {
    private FxTests() {
    }

    /** Runs {@code c} on the FX thread and returns its result (10 s at most). */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    /** Hides every window but the test's stage (the windows a test opened beside the console). */
    static void hideOtherWindows(Stage stage) throws Exception {
        fx(() -> {
            for (Window w : Window.getWindows().toArray(Window[]::new)) {
                if (w != stage) {
                    w.hide();
                }
            }
            return null;
        });
    }
}
