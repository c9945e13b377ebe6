package com.vigil.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.replay.ReplayData;
import com.vigil.sim.server.DemoPlantServer;
import com.vigil.sim.server.ReplayServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servers' own behaviour without a client library: communication loss, simulated clock, replay. */
class SimulatorServerIT {

    @Test
    void commLossStopsAnsweringThenComesBack() throws Exception {
        try (DemoPlantServer server = new DemoPlantServer(PlantFiles.demo(), "127.0.0.1", 0, 7L, 1.0, 100)) {
            server.start();
            assertTrue(answers(server.port()));
            // 10 s, so that the check below falls inside the loss even on a busy machine
            server.inject("comm-loss", null, Map.of("duration", "10"));
            waitUntil(server::communicationLost, 60);
            assertTrue(!answers(server.port()), "no answer during the communication loss");
            waitUntil(() -> !server.communicationLost(), 60);
            assertTrue(answers(server.port()), "answers again afterwards");
            assertEquals("START", server.groundTruth().get(0).event());
            waitUntil(() -> server.groundTruth().stream().anyMatch(e -> e.event().equals("END")), 60);
        }
    }

    @Test
    void simulatedClockRunsAtTheChosenSpeed() throws Exception {
        try (DemoPlantServer server = new DemoPlantServer(PlantFiles.demo(), "127.0.0.1", 0, 7L, 60.0, 100)) {
            java.time.Instant t0 = java.time.Instant.parse("2026-05-01T00:00:00Z");
            server.startAt(t0).start();
            long wall0 = System.nanoTime(); // the ticker is the last thing start() schedules
            // each 100 ms tick steps 60 x 0.1 = 6 simulated seconds, whatever the machine's load; a simulated
            // minute comes (within 60 s however loaded the machine), and never faster than 60x: at most one
            // tick more than the wall time allows
            waitUntil(() -> server.clock().seconds() >= 60, 60);
            double simSeconds = server.clock().seconds();
            double wallSeconds = (System.nanoTime() - wall0) / 1e9;
            assertEquals(Math.rint(simSeconds / 6.0), simSeconds / 6.0, 1e-6,
                    "whole ticks of 6 simulated seconds: " + simSeconds);
            assertTrue(simSeconds <= 60.0 * wallSeconds + 6.0 + 1e-9,
                    "at most a simulated minute per second: " + simSeconds + " s in " + wallSeconds + " s");
            assertTrue(server.clock().instant().isAfter(t0.plusSeconds(59)));
        }
    }

    @Test
    void replayServesRecordedDataAndStopsOnMalformedLines(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("rec.csv");
        StringBuilder sb = new StringBuilder("timestamp,tag,value,quality\n");
        for (int i = 0; i < 20; i++) {
            sb.append("2026-01-01T08:00:").append(String.format("%02d", i)).append("Z,RX.R201.TT,").append(150 + i)
                    .append(",GOOD\n");
            sb.append("2026-01-01T08:00:").append(String.format("%02d", i)).append("Z,LAB.X,").append(i).append('\n');
        }
        Files.writeString(f, sb);
        ReplayData data = ReplayData.read(f);
        assertEquals(20, data.frames().size());
        try (ReplayServer server = new ReplayServer(data, PlantFiles.demo(), "127.0.0.1", 0, 20.0, false)) {
            server.start();
            assertTrue(server.served().plant().tag("RX.R201.TT").orElseThrow().unit().equals("°C"),
                    "known tags keep their definition");
            assertEquals("REPLAY", server.served().plant().tag("LAB.X").orElseThrow().area());
            waitUntil(server::finished, 60);
            assertEquals(java.time.Instant.parse("2026-01-01T08:00:19Z"), server.clock().instant());
        }
        Files.writeString(tmp.resolve("bad.csv"), "timestamp,tag,value\n2026-01-01T08:00:00Z,A,1\n2026-01-01T08:00:01Z,A,x\n");
        var e = assertThrows(com.vigil.sim.replay.ReplayFormatException.class,
                () -> ReplayData.read(tmp.resolve("bad.csv")));
        assertEquals(3, e.line());
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitUntil(BooleanSupplier c, int seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
