package com.vigil.app.tools;

import com.vigil.accounts.DemoAccounts;
import com.vigil.alarm.AlarmView;
import com.vigil.app.console.MainWindow;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.model.TagDef;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;

/**
 * A long run of the whole console, to see that it holds steady (run under Xvfb): the demo plant at a raised speed,
 * an operator signed in, and every minute of wall time a few tags driven past HH and back, every alarm acknowledged
 * through all its tiers, and an alarm selected in the list (its tile revealed). Once a minute, after a full GC, one
 * line {@code SOAK minute=… heap_mb=… threads=… fx_ms=… active=… journal_kb=…}; at the end the heap's growth per
 * hour over the second half, by least squares. Usage: {@code Soak MINUTES [SPEED]}.
 */
public final class Soak {
    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        double speed = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        Path data = Files.createTempDirectory("vigil-soak");
        LiveConsole.startFx();
        VigilRuntime runtime = new VigilRuntime(new VigilRuntime.Options(data, 0, 42, speed));
        MainWindow[] w = {LiveConsole.open(runtime, Locale.SIMPLIFIED_CHINESE)};
        var service = runtime.accounts().get(30, TimeUnit.SECONDS).service();
        var operator = service.loginDemo(DemoAccounts.userName(Role.OPERATOR)).session();
        LiveConsole.fx(() -> w[0].gate().begin(operator));
        runtime.start(null);
        List<String> hot = runtime.plant().plant().tags().stream()
                .filter(t -> t.limits() != null && t.limits().hh() != null).map(TagDef::id).toList();
        Actor op = new Actor(DemoAccounts.userName(Role.OPERATOR), Role.OPERATOR);
        Actor leader = new Actor(DemoAccounts.userName(Role.SHIFT_LEADER), Role.SHIFT_LEADER);
        Actor manager = new Actor(DemoAccounts.userName(Role.SAFETY_MANAGER), Role.SAFETY_MANAGER);
        Random rnd = new Random(7);
        List<double[]> heap = new ArrayList<>();
        long start = System.nanoTime();
        for (int minute = 1; minute <= minutes; minute++) {
            for (int i = 0; i < 3; i++) {
                String tag = hot.get(rnd.nextInt(hot.size()));
                double target = runtime.plant().plant().tag(tag).orElseThrow().limits().hh() + 1;
                runtime.server().force(tag, target, 30 * speed);
            }
            Thread.sleep(40_000);
            List<AlarmView> active = runtime.engine().activeAlarms();
            for (AlarmView a : active) {
                runtime.engine().acknowledge(a.id(), op, "soak");
                runtime.engine().confirm(a.id(), leader, "soak");
                runtime.engine().confirm(a.id(), manager, "soak: 已处置");
            }
            if (!active.isEmpty()) {
                String id = active.get(rnd.nextInt(active.size())).id();
                LiveConsole.fx(() -> w[0].alarms().reveal(id));
            }
            while (System.nanoTime() - start < minute * 60_000_000_000L) {
                Thread.sleep(200);
            }
            System.gc();
            Thread.sleep(500);
            System.gc();
            double mb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
            heap.add(new double[] {minute, mb});
            System.out.printf(Locale.ROOT, "SOAK minute=%d heap_mb=%.1f threads=%d fx_ms=%.2f active=%d journal_kb=%d%n",
                    minute, mb, Thread.activeCount(), fxLatency(), runtime.engine().activeAlarms().size(),
                    dirKb(data));
        }
        List<double[]> late = heap.subList(heap.size() / 2, heap.size());
        System.out.printf(Locale.ROOT, "SOAK heap_growth_mb_per_hour=%.1f (second half, %d points, speed=%.0f, %d min)%n",
                slope(late) * 60, late.size(), speed, minutes);
        runtime.close();
        Platform.exit();
        System.exit(0);
    }

    /** Median of 9 round trips to the FX thread, in ms: how long an update waits for the display. */
    private static double fxLatency() throws Exception {
        double[] ms = new double[9];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            LiveConsole.fx(() -> { });
            ms[i] = (System.nanoTime() - t) / 1e6;
            Thread.sleep(50);
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static double slope(List<double[]> pts) {
        double n = pts.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : pts) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static long dirKb(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1024;
        }
    }
}
