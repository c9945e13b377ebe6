package com.vigil.app.console;

import com.vigil.app.runtime.VigilRuntime;
import com.vigil.persistence.db.DatabaseException;
import com.vigil.sim.server.PortInUseException;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.ui.kit.Theme;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The console as a JavaFX application. Started by {@link com.vigil.app.Main} (which does not extend
 * Application, so JavaFX runs from the class path). Fatal start-up problems end in a dialog naming
 * what and where; nothing is deleted.
 */
public final class ConsoleApp extends Application {
    /** Set by the launcher before {@link Application#launch}. */
    static volatile VigilRuntime.Options options;
    static volatile Locale locale = Locale.getDefault();
    /** Exit code after the window closes (non-zero after a fatal error). */
    static volatile int exitCode;

    private VigilRuntime runtime;
    private FxPulse pulse;

    public static int launch(VigilRuntime.Options opts, Locale loc) {
        options = opts;
        locale = loc;
        Application.launch(ConsoleApp.class);
        return exitCode;
    }

    @Override
    public void start(Stage stage) {
        I18n i18n = new I18n(locale);
        Theme.loadFont();
        try {
            runtime = new VigilRuntime(options);
        } catch (RuntimeException e) {
            fatal(i18n, i18n.t("error.generic"), e.getMessage());
            return;
        }
        // the console opens behind the log-in screen (demo accounts on the demo database, the first
        // administrator on a fresh --db database); the idle lock runs on the system clock
        pulse = new FxPulse(10);
        MainWindow window = new MainWindow(runtime, i18n, TaskRunner.background(), pulse,
                new com.vigil.ui.alarms.ToneSink(), java.time.Clock.systemUTC());
        stage.setTitle(i18n.t("app.title"));
        stage.setScene(window.scene());
        stage.setMaximized(true);
        stage.show();
        pulse.start();
        runtime.database().whenComplete((db, err) -> {
            if (err != null) {
                Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                FxPulse.onFx(() -> fatal(i18n, i18n.t("error.database"),
                        c instanceof DatabaseException ? c.getMessage() : String.valueOf(c)));
            }
        });
        runtime.accounts().whenComplete((a, err) -> {
            if (err != null && !runtime.database().isCompletedExceptionally()) {
                // e.g. the demo database holds real accounts: there is no way to log in
                Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                FxPulse.onFx(() -> fatal(i18n, i18n.t("error.database"), String.valueOf(c.getMessage())));
            }
        });
        try {
            runtime.start(null);
        } catch (PortInUseException e) {
            fatal(i18n, i18n.t("error.port"), e.getMessage());
        } catch (com.vigil.historian.HistorianException e) {
            fatal(i18n, i18n.t("error.historian"), e.getMessage());
        }
    }

    private void fatal(I18n i18n, String header, String message) {
        System.err.println("vigil: " + header + " " + message);
        exitCode = 2;
        Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        a.setTitle(i18n.t("error.title"));
        a.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(640);
        a.getDialogPane().setContent(text);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (pulse != null) {
            pulse.stop();
        }
        if (runtime != null) {
            runtime.close();
        }
    }
}
