package com.vigil.opcua.bench;

import com.vigil.opcua.OpcUaSource;
import com.vigil.opcua.SourceConfig;
import com.vigil.opcua.SubscriptionGroup;
import com.vigil.opcua.Deadband;
import com.vigil.opcua.TagBinding;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code vigil bench opcua}: value changes per second that arrive as samples from a loopback Milo
 * server with {@code items} monitored items that all change on every server tick. The sink only
 * counts (as the ingest queue only enqueues). {@code cpu} is the CPU use of the whole process (server
 * and client together) in percent of the machine (all cores = 100).
 */
public final class OpcUaBench {
    private OpcUaBench() {
    }

    /** Default run: 10,000 items, 100 ms ticks, 10 s measured. */
    public static List<String> run() throws Exception {
        return run(10_000, 100, 10);
    }

    public static List<String> run(int items, long tickMillis, int seconds) throws Exception {
        List<String> out = new ArrayList<>();
        try (LoopbackServer server = new LoopbackServer(0, items, tickMillis, false)) {
            server.start();
            List<TagBinding> bindings = new ArrayList<>(items);
            for (int i = 0; i < items; i++) {
                bindings.add(new TagBinding("B" + i, LoopbackServer.benchNode(i)));
            }
            AtomicLong samples = new AtomicLong();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            SourceConfig cfg = new SourceConfig("bench", server.endpointUrl(), null, null,
                    List.of(new SubscriptionGroup("bench", tickMillis, tickMillis, 10, Deadband.NONE, bindings)), false, 2000);
            try (OpcUaSource source = new OpcUaSource(cfg, null, batch -> {
                samples.addAndGet(batch.size());
                if (seen.size() < items) {
                    batch.forEach(s -> seen.add(s.tag()));
                }
            }, null, null, null, Clock.systemUTC())) {
                source.start();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seen.size() < items && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                if (seen.size() < items) {
                    throw new IllegalStateException("only " + seen.size() + " of " + items + " items delivered a value in 60 s ("
                            + source.state() + ": " + source.stateDetail() + ")");
                }
                Thread.sleep(2000); // warm-up
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                long n0 = samples.get();
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                long n1 = samples.get();
                long t1 = System.nanoTime();
                long cpu1 = os.getProcessCpuTime();
                double wall = (t1 - t0) / 1e9;
                double rate = (n1 - n0) / wall;
                double cpu = 100.0 * (cpu1 - cpu0) / 1e9 / wall / Runtime.getRuntime().availableProcessors();
                double offered = items * 1000.0 / tickMillis;
                out.add(String.format(Locale.ROOT, "BENCH opcua.changes %.0f changes/s items=%d cpu=%.0f%%", rate, items, cpu));
                out.add(String.format(Locale.ROOT, "# offered %.0f changes/s (%d items every %d ms), measured %.1f s,"
                        + " cpu = whole process (server + client) over %d cores", offered, items, tickMillis, wall,
                        Runtime.getRuntime().availableProcessors()));
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long tick = args.length > 1 ? Long.parseLong(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        run(items, tick, seconds).forEach(System.out::println);
    }
}
