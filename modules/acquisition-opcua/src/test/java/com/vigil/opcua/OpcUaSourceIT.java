package com.vigil.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.ConnectionState;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.server.DemoPlantServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real Milo client reads the real demo plant server over TCP on loopback. */
class OpcUaSourceIT {

    @Test
    void subscribesToEveryDemoTagAndSeesValuesChangeAndBadStatus() throws Exception {
        PlantDefinition plant = PlantFiles.demo();
        try (DemoPlantServer server = new DemoPlantServer(plant, "127.0.0.1", 0, 7L, 1.0, 200)) {
            server.start();
            List<TagBinding> bindings = plant.plant().tags().stream()
                    .map(t -> new TagBinding(t.id(), "ns=2;s=" + t.id())).toList();
            Map<String, List<Sample>> byTag = new ConcurrentHashMap<>();
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            try (OpcUaSource source = new OpcUaSource(server.endpointUrl(), bindings,
                    batch -> batch.forEach(s -> byTag.computeIfAbsent(s.tag(), k -> new CopyOnWriteArrayList<>()).add(s)),
                    (url, st, detail) -> states.add(st), Clock.systemUTC(), 200)) {
                source.start();
                String reactorTemp = "RX.R201.TT";
                waitUntil(() -> byTag.getOrDefault(reactorTemp, List.of()).stream().map(Sample::value).distinct().count() >= 3,
                        20, "reactor temperature changes at least twice");
                assertTrue(states.contains(ConnectionState.CONNECTED), "connected: " + states);
                assertEquals(bindings.size(), byTag.size(), "every tag delivered a value");
                Sample first = byTag.get(reactorTemp).get(0);
                assertEquals(Quality.GOOD, first.quality());
                assertTrue(first.value() > 100 && first.value() < 200, "plausible reactor temperature " + first.value());
                assertEquals(1.0, byTag.get("PS.P401.RUN").get(0).value(), "discrete pump running = 1");

                // a failed sensor arrives as BAD, never as a good value
                server.failSensor("TF.GD01", true);
                waitUntil(() -> byTag.get("TF.GD01").stream().anyMatch(s -> s.quality() == Quality.BAD), 60,
                        "failed sensor reported bad");
                Sample bad = byTag.get("TF.GD01").stream().filter(s -> s.quality() == Quality.BAD).findFirst().orElseThrow();
                assertTrue(Double.isNaN(bad.value()), "bad sample carries no number");
            }
        }
    }

    @Test
    void lostServerTurnsEveryTagStale() throws Exception {
        PlantDefinition plant = PlantFiles.demo();
        DemoPlantServer server = new DemoPlantServer(plant, "127.0.0.1", 0, 7L, 1.0, 200);
        server.start();
        List<TagBinding> bindings = List.of(new TagBinding("RX.R201.TT", "ns=2;s=RX.R201.TT"),
                new TagBinding("WH.O2", "ns=2;s=WH.O2"));
        List<Sample> seen = new CopyOnWriteArrayList<>();
        try (OpcUaSource source = new OpcUaSource(server.endpointUrl(), bindings, seen::addAll,
                (url, st, d) -> { }, Clock.systemUTC(), 200)) {
            source.start();
            waitUntil(() -> seen.stream().anyMatch(s -> s.quality() == Quality.GOOD), 60, "first good value");
            server.stop();
            waitUntil(() -> seen.stream().filter(s -> s.quality() == Quality.STALE).map(Sample::tag).distinct().count() == 2,
                    30, "both tags stale after the server stopped");
        } finally {
            server.stop();
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier cond, int seconds, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
