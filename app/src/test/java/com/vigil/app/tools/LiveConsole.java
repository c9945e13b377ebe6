package com.vigil.app.tools;

import com.vigil.app.console.MainWindow;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.ui.alarms.ToneSink;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The tools' way to run the real console: the FX toolkit, and the main window on a 1920×1080 stage. */
final class LiveConsole {
    private LiveConsole() {
    }

    /** Starts the FX toolkit (once per JVM). */
    static void startFx() {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.join();
    }

    /** Opens the console's main window over {@code runtime}, its display pulse running. */
    static MainWindow open(VigilRuntime runtime, Locale locale) {
        MainWindow[] w = new MainWindow[1];
        fx(() -> {
            FxPulse pulse = new FxPulse(10);
            w[0] = new MainWindow(runtime, new I18n(locale), TaskRunner.background(), pulse, new ToneSink(),
                    java.time.Clock.systemUTC());
            Stage stage = new Stage();
            stage.setScene(w[0].scene());
            stage.setWidth(1920);
            stage.setHeight(1080);
            stage.show();
            pulse.start();
        });
        return w[0];
    }

    /** Runs {@code r} on the FX thread and waits for it (at most a minute); its failure is thrown here. */
    static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the FX thread", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("on the FX thread: " + e.getMessage(), e);
        }
    }
}
