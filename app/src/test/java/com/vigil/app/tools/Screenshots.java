package com.vigil.app.tools;

import com.vigil.app.console.MainWindow;
import com.vigil.app.runtime.VigilRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the documentation screenshots of the live console (run under Xvfb, see docs/screenshots/README.md):
 * the log-in screen and user management, normal operation, a multivariate early warning (reactor cooling lost),
 * the composite rule that follows it and the early-warning window (models and rules), a frozen transmitter, a
 * grade-1 gas alarm with the banner and guidance, an alarm flood, and the locked desk with its alarms in view.
 * Usage: {@code Screenshots OUT_DIR [zh|en] [accounts|frozen]} ({@code accounts}: only the first two; {@code frozen}:
 * only the frozen transmitter).
 */
public final class Screenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Locale locale = args.length > 1 && args[1].equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String suffix = locale == Locale.ENGLISH ? "en" : "zh";
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("vigil-shots");
        LiveConsole.startFx();
        VigilRuntime runtime = new VigilRuntime(new VigilRuntime.Options(data, 0, 42, 1.0));
        MainWindow w = LiveConsole.open(runtime, locale);
        String mode = args.length > 2 ? args[2] : "";
        // the log-in screen on the demo database (demo accounts), then user management as the demo administrator
        var service = runtime.accounts().get(30, java.util.concurrent.TimeUnit.SECONDS).service();
        Thread.sleep(1_500);
        shot(w, out.resolve("login-" + suffix + ".png"));
        var admin = service.loginDemo(com.vigil.accounts.DemoAccounts.userName(com.vigil.model.Role.ADMIN)).session();
        service.createUser(admin, "wang.li", "王丽", com.vigil.model.Role.OPERATOR, "Shift-A-2026!".toCharArray());
        service.createUser(admin, "zhao.min", "赵敏", com.vigil.model.Role.SHIFT_LEADER, "Shift-B-2026!".toCharArray());
        for (int i = 0; i < 5; i++) {
            service.login("zhao.min", "wrong-password".toCharArray());
        }
        fx(() -> w.gate().begin(admin));
        fx(() -> w.scene().lookup("#open-users").getClass()); // the toolbar is built
        fx(() -> ((javafx.scene.control.Button) w.scene().lookup("#open-users")).fire());
        Thread.sleep(2_000);
        fx(() -> w.usersView().table().getSelectionModel().select(1));
        Thread.sleep(500);
        shot(w.usersView().getScene(), out.resolve("users-" + suffix + ".png"));
        if (mode.equals("accounts")) {
            exit(runtime);
        }
        fx(() -> w.usersView().getScene().getWindow().hide());
        runtime.start(null);
        Thread.sleep(14_000);
        boolean frozenOnly = mode.equals("frozen");
        if (frozenOnly) { // only the frozen transmitter (once the models are trained), e.g. after a trend change
            for (int i = 0; i < 600 && runtime.activeModels() == null; i++) {
                Thread.sleep(500);
            }
            Thread.sleep(60_000);
        } else {
            shot(w, out.resolve("console-" + suffix + ".png"));
            earlyWarningShots(runtime, w, out, suffix);
        }

        // a transmitter freezes: the compressor's discharge temperature stops changing; after at least 5 min (and
        // longer than it ever held one value in training) the asset model's frozen-value check raises <tag>:FRZ;
        // it moves again after 8 min and the alarm clears
        runtime.server().inject("sensor-freeze", "CP.C301.TT", java.util.Map.of("duration", "480"));
        revealAndShoot(runtime, w, "CP.C301.TT:FRZ", 900, out.resolve("frozen-value-" + suffix + ".png"));

        if (frozenOnly) {
            exit(runtime);
        }
        runtime.server().force("WH.GD11", 46, 3600);
        revealAndShoot(runtime, w, "WH.GD11:HH", 30, out.resolve("alarm-grade1-" + suffix + ".png"));

        for (String t : List.of("WH.GD12", "WH.TD11", "RX.GD02", "RX.TD01", "TF.GD01", "CP.GD03", "CP.C301.VT",
                "PS.P401.VT", "PS.P402.VT", "RX.R201.TT", "RX.R201.PT", "TF.T101.PT")) {
            double target = runtime.plant().plant().tag(t).orElseThrow().limits().hh() + 1;
            runtime.server().force(t, target, 3600);
        }
        Thread.sleep(12_000);
        shot(w, out.resolve("alarm-flood-" + suffix + ".png"));
        // the operator locks the desk (or it idles): the lock screen guards the actions, the alarms stay in view
        fx(() -> w.gate().lockNow());
        Thread.sleep(2_000);
        shot(w, out.resolve("locked-" + suffix + ".png"));
        exit(runtime);
    }

    private static void exit(VigilRuntime runtime) {
        runtime.close();
        Platform.exit();
        System.exit(0);
    }

    /** The early warning, the composite rule, the early-warning window and the rule editor. */
    private static void earlyWarningShots(VigilRuntime runtime, MainWindow w, Path out, String suffix) throws Exception {
        // early warning: the reactor loses its cooling water; the asset model of R-201 warns (after the models are
        // trained on first start and the statistic has settled) while the temperature is still in its normal band
        runtime.server().inject("cooling-failure", "RX.R201", java.util.Map.of());
        revealAndShoot(runtime, w, "RX.R201:MV", 600, out.resolve("early-warning-" + suffix + ".png"));

        // the composite rule of R-201 (heating up without enough cooling water) follows once the temperature rises
        revealAndShoot(runtime, w, "RULE:RX.R201:heating-without-cooling", 600, out.resolve("rule-warning-" + suffix + ".png"));
        fx(() -> ((javafx.scene.control.Button) w.scene().lookup("#open-early-warning")).fire());
        Thread.sleep(3_000);
        shot(w.earlyWarningView().getScene(), out.resolve("early-warning-window-" + suffix + ".png"));
        // the rules page: an engineer writes a rule and checks it; the mistake is named with its line and column
        fx(() -> {
            w.earlyWarningView().showRules();
            javafx.scene.Scene sc = w.earlyWarningView().getScene();
            ((javafx.scene.control.Button) sc.lookup("#rule-new")).fire();
            ((javafx.scene.control.TextField) sc.lookup("#rule-id")).setText("r201-hot-rising");
            ((javafx.scene.control.TextArea) sc.lookup("#rule-when")).setText(
                    "RX.R201.TT > 170 and\nrate(RX.R201.TT 5m) > 0.5 for 1m");
            ((javafx.scene.control.TextField) sc.lookup("#rule-message-zh")).setText("R-201 温度高且仍在上升");
            ((javafx.scene.control.TextField) sc.lookup("#rule-message-en")).setText("R-201 hot and still rising");
            ((javafx.scene.control.TextField) sc.lookup("#rule-guidance-zh")).setText("检查冷却水流量和阀位，准备紧急冷却");
            ((javafx.scene.control.Button) sc.lookup("#rule-check")).fire();
        });
        Thread.sleep(1_500);
        shot(w.earlyWarningView().getScene(), out.resolve("rule-editor-" + suffix + ".png"));
        fx(() -> w.earlyWarningView().getScene().getWindow().hide());
    }

    /**
     * Waits (at most {@code maxSeconds}) until the alarm is active, lets it settle, reveals it in the list and takes the
     * console's picture.
     */
    private static void revealAndShoot(VigilRuntime runtime, MainWindow w, String alarmId, int maxSeconds, Path file)
            throws Exception {
        for (int i = 0; i < maxSeconds * 2 && runtime.engine().activeAlarms().stream()
                .noneMatch(v -> v.id().equals(alarmId)); i++) {
            present(w);
            Thread.sleep(500);
        }
        present(w);
        Thread.sleep(1_000);
        fx(() -> w.alarms().reveal(alarmId));
        Thread.sleep(3_000);
        shot(w, file);
    }

    /** The operator is at the desk: counts as input, so the session does not idle-lock during the long waits. */
    private static void present(MainWindow w) {
        var s = w.gate().session();
        if (s != null) {
            s.touch(java.time.Instant.now());
        }
    }

    private static void shot(MainWindow w, Path file) throws Exception {
        shot(w.scene(), file);
    }

    /** A snapshot of a scene (the console or a window beside it) as PNG. */
    private static void shot(javafx.scene.Scene scene, Path file) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(60, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void fx(Runnable r) {
        LiveConsole.fx(r);
    }
}
