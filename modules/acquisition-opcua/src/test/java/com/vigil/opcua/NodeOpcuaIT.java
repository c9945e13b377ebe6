package com.vigil.opcua;

import static com.vigil.opcua.OpcUaSourceIT.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.opcua.browse.BrowseEntry;
import com.vigil.opcua.browse.Browser;
import com.vigil.opcua.browse.VariableInfo;
import com.vigil.opcua.events.ConditionEvent;
import com.vigil.opcua.pki.ClientPki;
import com.vigil.opcua.write.WriteResult;
import com.vigil.opcua.write.ValueWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a third-party server: node-opcua (npm), installed into target/node-server on
 * first use. Skipped with a message when node/npm are missing or the install fails (e.g. offline).
 */
class NodeOpcuaIT {
    static final Path DIR = Path.of("target", "node-server").toAbsolutePath();
    static Process node;
    static Writer nodeIn;
    static final List<String> nodeOut = new CopyOnWriteArrayList<>();
    static String endpoint;

    @BeforeAll
    static void startNodeServer() throws Exception {
        Assumptions.assumeTrue(runs("node", "--version"), "node-opcua interop test skipped: 'node' is not on the PATH");
        Files.createDirectories(DIR);
        if (!Files.isDirectory(DIR.resolve("node_modules/node-opcua"))) {
            Assumptions.assumeTrue(runs("npm", "--version"), "node-opcua interop test skipped: 'npm' is not on the PATH");
            if (!Files.exists(DIR.resolve("package.json"))) {
                Files.writeString(DIR.resolve("package.json"), "{\"name\":\"vigil-node-server\",\"version\":\"1.0.0\",\"private\":true}\n");
            }
            Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "node-opcua")
                    .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(DIR.resolve("npm-install.log").toFile())
                    .start();
            boolean done = p.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            Assumptions.assumeTrue(done && p.exitValue() == 0 && Files.isDirectory(DIR.resolve("node_modules/node-opcua")),
                    "node-opcua interop test skipped: 'npm install node-opcua' failed (offline?); see " + DIR.resolve("npm-install.log"));
        }
        try (InputStream in = NodeOpcuaIT.class.getResourceAsStream("/node-server/server.js")) {
            Files.write(DIR.resolve("server.js"), in.readAllBytes());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Path pki = DIR.resolve("run-" + port);
        node = new ProcessBuilder("node", "server.js", Integer.toString(port), pki.toString())
                .directory(DIR.toFile()).redirectErrorStream(true).start();
        nodeIn = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    nodeOut.add(line);
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "node-opcua-output");
        reader.setDaemon(true);
        reader.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end && nodeOut.stream().noneMatch(l -> l.startsWith("READY") || l.startsWith("FAILED"))) {
            if (!node.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        String ready = nodeOut.stream().filter(l -> l.startsWith("READY")).findFirst()
                .orElseThrow(() -> new AssertionError("node-opcua server did not start: " + nodeOut));
        endpoint = ready.substring("READY ".length()).trim();
    }

    @AfterAll
    static void stopNodeServer() throws Exception {
        if (node != null) {
            try {
                nodeIn.write("quit\n");
                nodeIn.flush();
            } catch (IOException ignored) {
                // already gone
            }
            if (!node.waitFor(5, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static void command(String c) throws IOException {
        nodeIn.write(c + "\n");
        nodeIn.flush();
    }

    @Test
    void browseReadMappingInfoSubscribeAndWrite() throws Exception {
        OpcUaClient c = Connector.connect(endpoint, SecurityConfig.NONE, Identity.ANONYMOUS, null, 2000);
        try {
            Browser b = new Browser(c);
            BrowseEntry tank = b.browse(null).stream().filter(e -> e.displayName().equals("Tank")).findFirst().orElseThrow();
            List<BrowseEntry> children = b.browse(tank.nodeId());
            assertTrue(children.stream().anyMatch(e -> e.nodeId().endsWith(";s=Tank.Level")), children.toString());
            assertTrue(children.stream().anyMatch(e -> e.displayName().equals("LevelAlarm")), children.toString());
            String levelId = children.stream().filter(e -> e.nodeId().endsWith(";s=Tank.Level")).findFirst().orElseThrow().nodeId();
            VariableInfo level = b.variable(levelId);
            assertEquals(0.0, level.engLow());
            assertEquals(100.0, level.engHigh());
            assertFalse(level.unit().isEmpty(), "unit from EngineeringUnits: " + b.browse(levelId) + " "
                    + c.readValue(0, org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                    org.eclipse.milo.opcua.stack.core.types.builtin.NodeId.parse(b.browse(levelId).stream()
                    .filter(x -> x.browseName().endsWith("EngineeringUnits")).findFirst().orElseThrow().nodeId())));

            String ns = levelId.substring(0, levelId.indexOf(';'));
            WriteResult w = new ValueWriter(c).write(ns + ";s=Tank.Setpoint", 7.0);
            assertTrue(w.ok(), w.toString());
            assertEquals(7, w.readBack());
            assertThrows(AcquisitionException.class, () -> new ValueWriter(c).write(ns + ";s=Tank.Setpoint", "seven"));
        } finally {
            c.disconnect();
        }
        List<Sample> seen = new CopyOnWriteArrayList<>();
        try (OpcUaSource s = new OpcUaSource(endpoint, List.of(new TagBinding("CNT", "ns=1;s=Tank.Counter"),
                new TagBinding("LVL", "ns=1;s=Tank.Level")), seen::addAll, null, Clock.systemUTC(), 100)) {
            s.start();
            waitUntil(() -> seen.stream().filter(x -> x.tag().equals("CNT") && x.quality() == Quality.GOOD)
                    .map(Sample::value).distinct().count() >= 3, 60, "counter changes from node-opcua");
            assertTrue(seen.stream().anyMatch(x -> x.tag().equals("LVL") && x.quality() == Quality.GOOD));
        }
    }

    @Test
    void secureConnectionIsRejectedBeforeTrustAndWorksAfter(@TempDir Path data) throws Exception {
        ClientPki pki = ClientPki.open(data.resolve("pki"));
        SecurityConfig enc = new SecurityConfig(SecurityConfig.Mode.ENCRYPT, SecurityPolicy.Basic256Sha256);
        Identity user = Identity.user("operator", "secret");
        AcquisitionException e = assertThrows(AcquisitionException.class, () -> Connector.connect(endpoint, enc, user, pki, 2000));
        assertEquals(AcquisitionException.Reason.UNTRUSTED_CERTIFICATE, e.reason(), e.getMessage());
        assertEquals(1, pki.trustStore().rejected().size());
        pki.trustStore().trust(pki.trustStore().rejected().get(0).thumbprint());
        OpcUaClient c = Connector.connect(endpoint, enc, user, pki, 2000);
        try {
            assertTrue(new Browser(c).variable("ns=1;s=Tank.Counter").dataType().equals("Double"));
        } finally {
            c.disconnect();
        }
        AcquisitionException bad = assertThrows(AcquisitionException.class,
                () -> Connector.connect(endpoint, enc, Identity.user("operator", "nope"), pki, 2000));
        assertEquals(AcquisitionException.Reason.BAD_CREDENTIALS, bad.reason(), bad.getMessage());
    }

    @Test
    void alarmsAndConditionsWithAcknowledgeRoundTripAndRefresh() throws Exception {
        command("level 50");
        List<ConditionEvent> events = new CopyOnWriteArrayList<>();
        SourceConfig cfg = new SourceConfig("node", endpoint, SecurityConfig.NONE, Identity.ANONYMOUS, List.of(), true, 2000);
        try (OpcUaSource s = new OpcUaSource(cfg, null, b -> { }, null, null, events::addAll, Clock.systemUTC())) {
            s.start();
            waitUntil(() -> s.state() == com.vigil.model.ConnectionState.CONNECTED, 60, "connected");
            Thread.sleep(500);
            command("level 85");
            waitUntil(() -> events.stream().anyMatch(e -> e.isCondition() && e.needsAck()), 60,
                    "active unacknowledged condition from node-opcua: " + events);
            ConditionEvent active = events.stream().filter(e -> e.isCondition() && e.needsAck()).reduce((a, b) -> b).orElseThrow();
            assertEquals("LevelAlarm", active.conditionName());
            assertTrue(active.severity() > 0);
            assertTrue(active.retain());
            assertFalse(active.eventId().isEmpty());

            StatusCode sc = s.acknowledge(active.conditionId(), active.eventId(), "seen by Vigil test");
            assertTrue(sc.isGood(), "acknowledge: " + sc + " " + nodeOut);
            waitUntil(() -> events.stream().anyMatch(e -> e.conditionId().equals(active.conditionId())
                    && Boolean.TRUE.equals(e.acked()) && Boolean.TRUE.equals(e.active())), 60, "acknowledged state back from the server");
            StatusCode again = s.acknowledge(active.conditionId(), active.eventId(), "twice");
            assertFalse(again.isGood(), "a second acknowledge of the same event is refused: " + again);

            // a second console connecting now gets the active condition by ConditionRefresh
            List<ConditionEvent> late = new CopyOnWriteArrayList<>();
            try (OpcUaSource s2 = new OpcUaSource(cfg, null, b -> { }, null, null, late::addAll, Clock.systemUTC())) {
                s2.start();
                waitUntil(() -> late.stream().anyMatch(e -> e.refresh() && e.conditionId().equals(active.conditionId())
                        && Boolean.TRUE.equals(e.active())), 60, "condition delivered by ConditionRefresh: " + late + " node: " + nodeOut);
            }
            command("level 50");
            waitUntil(() -> events.stream().anyMatch(e -> e.conditionId().equals(active.conditionId())
                    && Boolean.FALSE.equals(e.active())), 60, "condition returns to normal");
        }
    }
}
