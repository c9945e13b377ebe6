package com.vigil.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.server.DemoPlantServer;
import com.vigil.sim.server.ServerSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party OPC UA client that is not Milo (node-opcua, installed by this test into {@code target/node}
 * with npm) browses the demo plant's address space, reads a variable with EURange and EngineeringUnits and
 * subscribes — with SecurityPolicy None/anonymous and with Basic256Sha256 SignAndEncrypt/user+password.
 * Skipped (with a message) when node or npm are not installed or the npm registry cannot be reached.
 */
class NodeOpcUaClientIT {
    static final Path NODE_DIR = Path.of("target", "node").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void installNodeOpcUa() throws Exception {
        Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "node and npm are not on the PATH: skipping the node-opcua interoperability test "
                        + "(install Node.js 20 and npm to run it)");
        Files.createDirectories(NODE_DIR);
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/node-opcua-client"))) {
            Files.writeString(NODE_DIR.resolve("package.json"), "{\"name\":\"vigil-node-opcua-test\",\"private\":true}");
            Result r = exec(NODE_DIR, 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                    "node-opcua-client@2");
            Assumptions.assumeTrue(r.code == 0, "npm install node-opcua-client failed (offline?): skipping. "
                    + r.tail());
        }
        try (InputStream in = NodeOpcUaClientIT.class.getResourceAsStream("/node/vigil-client.js")) {
            Files.copy(in, NODE_DIR.resolve("vigil-client.js"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void nodeOpcUaBrowsesReadsAndSubscribesWithBothSecurityModes(@TempDir Path tmp) throws Exception {
        ServerSecurity sec = new ServerSecurity(true, tmp.resolve("server-pki"), true, null, true, "operator",
                "s3cret");
        try (DemoPlantServer server = new DemoPlantServer(PlantFiles.demo(), "127.0.0.1", 0, 7L, 1.0, 200)
                .security(sec)) {
            server.start();
            server.force("WH.GD11", 30, 3600); // a changing value to subscribe to

            JsonNode none = client(server, "None", "None", "-", "-", tmp.resolve("client-pki"));
            assertEquals("None", none.get("channelMode").asText());
            checkAddressSpaceAndValues(none);

            JsonNode secure = client(server, "SignAndEncrypt", "Basic256Sha256", "operator", "s3cret",
                    tmp.resolve("client-pki"));
            assertEquals("SignAndEncrypt", secure.get("channelMode").asText());
            checkAddressSpaceAndValues(secure);

            Result wrong = node(server, "SignAndEncrypt", "Basic256Sha256", "operator", "wrong",
                    tmp.resolve("client-pki"));
            assertTrue(wrong.code != 0, "a wrong password is refused: " + wrong.tail());
        }
    }

    @Test
    void unknownClientCertificatesAreRejectedUntilTrusted(@TempDir Path tmp) throws Exception {
        Path pki = tmp.resolve("server-pki");
        Path trusted = tmp.resolve("trusted");
        ServerSecurity sec = new ServerSecurity(true, pki, false, trusted, true, null, null);
        byte[] keystore;
        try (DemoPlantServer server = new DemoPlantServer(PlantFiles.demo(), "127.0.0.1", 0, 7L, 1.0, 200)
                .security(sec)) {
            server.start();
            Result refused = node(server, "SignAndEncrypt", "Basic256Sha256", "-", "-", tmp.resolve("client-pki"));
            assertTrue(refused.code != 0, "unknown client certificate refused: " + refused.tail());
            Path rejected = pki.resolve("pki/rejected");
            List<Path> certs;
            try (Stream<Path> s = Files.list(rejected)) {
                certs = s.filter(Files::isRegularFile).toList();
            }
            assertEquals(1, certs.size(), "the refused certificate waits in " + rejected);
            // the engineer trusts it: move it into the trust directory
            Files.move(certs.get(0), trusted.resolve(certs.get(0).getFileName()));
            // the trust list watches its directory: retry until it has reloaded (a busy machine may take seconds)
            JsonNode ok = null;
            for (long end = System.nanoTime() + 60_000_000_000L; ok == null; ) {
                try {
                    ok = client(server, "SignAndEncrypt", "Basic256Sha256", "-", "-", tmp.resolve("client-pki"));
                } catch (AssertionError e) {
                    if (System.nanoTime() > end) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
            assertEquals("SignAndEncrypt", ok.get("channelMode").asText());
            keystore = Files.readAllBytes(pki.resolve("server-keystore.pfx"));
        }
        // the application certificate is created on first start and kept
        try (DemoPlantServer again = new DemoPlantServer(PlantFiles.demo(), "127.0.0.1", 0, 7L, 1.0, 200)
                .security(sec)) {
            again.start();
            assertTrue(java.util.Arrays.equals(keystore, Files.readAllBytes(pki.resolve("server-keystore.pfx"))),
                    "same server certificate after a restart");
        }
    }

    private static void checkAddressSpaceAndValues(JsonNode r) {
        assertTrue(r.get("plantFound").asBoolean(), "Objects/VigilDemoPlant");
        List<String> areas = new ArrayList<>();
        r.get("areas").forEach(a -> areas.add(a.asText()));
        assertEquals(List.of("TF", "RX", "CP", "PS", "WH", "UT"), areas);
        assertTrue(r.get("rxChildren").toString().contains("\"R201\""), "equipment folders: " + r.get("rxChildren"));
        assertTrue(r.get("r201Tags").toString().contains("RX.R201.TT"), r.get("r201Tags").toString());
        double v = r.get("value").asDouble();
        assertTrue(v > 130 && v < 175, "reactor temperature " + v);
        assertEquals("Good", r.get("status").asText());
        assertEquals("ns=0;i=10", r.get("dataType").asText(), "Float");
        assertEquals(0.0, r.get("euRange").get(0).asDouble());
        assertEquals(250.0, r.get("euRange").get(1).asDouble());
        assertEquals("°C", r.get("unit").asText());
        assertTrue(!r.get("sourceTimestamp").isNull() && !r.get("serverTimestamp").isNull(), "both timestamps");
        assertTrue(r.get("notifications").size() >= 2, "subscription delivers changes: " + r.get("notifications"));
    }

    private static JsonNode client(DemoPlantServer server, String mode, String policy, String user, String password,
                                   Path clientPki) throws Exception {
        Result r = node(server, mode, policy, user, password, clientPki);
        String line = r.lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("node-opcua client failed (" + mode + "): " + r.tail()));
        return JSON.readTree(line.substring("RESULT ".length()));
    }

    private static Result node(DemoPlantServer server, String mode, String policy, String user, String password,
                               Path clientPki) throws Exception {
        return exec(NODE_DIR, 120, "node", "vigil-client.js", server.endpointUrl(), mode, policy, user, password,
                clientPki.toString(), "RX.R201.TT", "WH.GD11");
    }

    record Result(int code, List<String> lines) {
        String tail() {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
    }

    private static boolean runs(String... cmd) {
        try {
            return exec(Path.of("."), 30, cmd).code == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Result exec(Path dir, int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(l);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(2000);
            synchronized (lines) {
                lines.add("(timed out after " + timeoutSeconds + " s)");
                return new Result(-1, List.copyOf(lines));
            }
        }
        reader.join(5000);
        synchronized (lines) {
            return new Result(p.exitValue(), List.copyOf(lines));
        }
    }
}
