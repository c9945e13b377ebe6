package com.vigil.opcua;

import static com.vigil.opcua.OpcUaSourceIT.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.ConnectionState;
import com.vigil.model.Quality;
import com.vigil.model.Sample;
import com.vigil.opcua.browse.BrowseEntry;
import com.vigil.opcua.browse.Browser;
import com.vigil.opcua.browse.VariableInfo;
import com.vigil.opcua.bench.LoopbackServer;
import com.vigil.opcua.pki.ClientPki;
import com.vigil.opcua.pki.TrustStore;
import com.vigil.opcua.write.WriteResult;
import com.vigil.opcua.write.ValueWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security, identity, browse, mapping info, writes and clear errors against a Milo server with secured endpoints. */
class SecureAcquisitionIT {
    static LoopbackServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new LoopbackServer(0, 0, 200, true);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void unknownServerCertificateIsRejectedUntilTrustedThenSecureSessionWorks(@TempDir Path data) throws Exception {
        ClientPki pki = ClientPki.open(data.resolve("pki"));
        SecurityConfig enc = new SecurityConfig(SecurityConfig.Mode.ENCRYPT, SecurityPolicy.Basic256Sha256);
        Identity user = Identity.user(LoopbackServer.USER, LoopbackServer.PASSWORD);

        AcquisitionException e = assertThrows(AcquisitionException.class,
                () -> Connector.connect(server.endpointUrl(), enc, user, pki, 2000));
        assertEquals(AcquisitionException.Reason.UNTRUSTED_CERTIFICATE, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("not trusted") && e.getMessage().contains("--trust"), e.getMessage());
        TrustStore trust = pki.trustStore();
        assertEquals(1, trust.rejected().size(), "the server certificate waits in pki/rejected");
        String tp = TrustStore.thumbprint(server.certificate());
        assertEquals(tp, trust.rejected().get(0).thumbprint());
        assertEquals(40, tp.length(), "SHA-1 hex");
        assertTrue(trust.rejected().get(0).subject().contains("Vigil loopback test server"));

        trust.trust(tp);
        assertEquals(List.of(), trust.rejected());
        assertEquals(1, trust.trusted().size());

        OpcUaClient c = Connector.connect(server.endpointUrl(), enc, user, pki, 2000);
        try {
            Browser b = new Browser(c);
            List<BrowseEntry> top = b.browse(null);
            BrowseEntry loop = top.stream().filter(x -> x.displayName().equals("Loop")).findFirst().orElseThrow();
            BrowseEntry tank = b.browse(loop.nodeId()).stream().filter(x -> x.displayName().equals("Tank1"))
                    .findFirst().orElseThrow();
            List<BrowseEntry> vars = b.browse(tank.nodeId());
            assertTrue(vars.stream().anyMatch(v -> v.nodeId().equals("ns=2;s=Tank1.Level") && v.isVariable()), vars.toString());
            VariableInfo level = b.variable("ns=2;s=Tank1.Level");
            assertEquals("m", level.unit());
            assertEquals(0.0, level.engLow());
            assertEquals(100.0, level.engHigh());
            assertEquals("Double", level.dataType());
            assertEquals("Tank 1 level", level.description());
            VariableInfo byUri = b.variable("nsu=" + LoopbackServer.NAMESPACE_URI + ";s=Tank1.Level");
            assertEquals("ns=2;s=Tank1.Level", byUri.nodeId());

            AcquisitionException unknown = assertThrows(AcquisitionException.class, () -> b.variable("ns=2;s=No.Such"));
            assertEquals(AcquisitionException.Reason.UNKNOWN_NODE, unknown.reason(), unknown.getMessage());
            AcquisitionException malformed = assertThrows(AcquisitionException.class, () -> b.variable("Tank1.Level"));
            assertEquals(AcquisitionException.Reason.UNKNOWN_NODE, malformed.reason());

            ValueWriter w = new ValueWriter(c);
            WriteResult ok = w.write("ns=2;s=Valve1.Setpoint", "42");
            assertTrue(ok.ok(), ok.toString());
            assertEquals("Good", ok.status());
            assertEquals(42, ok.readBack());
            assertTrue(w.write("ns=2;s=Pump1.Run", true).ok());
            AcquisitionException mismatch = assertThrows(AcquisitionException.class,
                    () -> w.write("ns=2;s=Valve1.Setpoint", "open"));
            assertEquals(AcquisitionException.Reason.TYPE_MISMATCH, mismatch.reason());
            assertTrue(mismatch.getMessage().contains("Int32"), mismatch.getMessage());
            assertThrows(AcquisitionException.class, () -> w.write("ns=2;s=Valve1.Setpoint", 1e12));
            WriteResult readOnly = w.write("ns=2;s=Tank1.Level", 3.0);
            assertFalse(readOnly.ok());
            assertTrue(readOnly.status().startsWith("Bad_"), readOnly.toString());
            AcquisitionException unknownWrite = assertThrows(AcquisitionException.class, () -> w.write("ns=2;s=Nope", 1));
            assertEquals(AcquisitionException.Reason.UNKNOWN_NODE, unknownWrite.reason());
        } finally {
            c.disconnect();
        }

        // the other policies, signed only and encrypted
        for (SecurityPolicy p : List.of(SecurityPolicy.Aes256_Sha256_RsaPss, SecurityPolicy.Aes128_Sha256_RsaOaep)) {
            for (SecurityConfig.Mode m : List.of(SecurityConfig.Mode.SIGN, SecurityConfig.Mode.ENCRYPT)) {
                OpcUaClient other = Connector.connect(server.endpointUrl(), new SecurityConfig(m, p), Identity.ANONYMOUS, pki, 2000);
                other.disconnect();
            }
        }
        // the certificate is kept: opening the folder again gives the same one
        assertEquals(TrustStore.thumbprint(pki.certificate()), TrustStore.thumbprint(ClientPki.open(data.resolve("pki")).certificate()));
    }

    @Test
    void badInputGivesClearErrors(@TempDir Path data) throws Exception {
        ClientPki pki = ClientPki.open(data.resolve("pki"));
        pki.trustStore().trust(server.certificate());
        SecurityConfig enc = new SecurityConfig(SecurityConfig.Mode.ENCRYPT, null);

        AcquisitionException badPassword = assertThrows(AcquisitionException.class, () -> Connector.connect(
                server.endpointUrl(), enc, Identity.user(LoopbackServer.USER, "wrong"), pki, 2000));
        assertEquals(AcquisitionException.Reason.BAD_CREDENTIALS, badPassword.reason(), badPassword.getMessage());
        assertTrue(badPassword.getMessage().contains("password"), badPassword.getMessage());

        int closedPort = new LoopbackServer(0, 0, 1000, false).port();
        AcquisitionException unreachable = assertThrows(AcquisitionException.class, () -> Connector.connect(
                "opc.tcp://127.0.0.1:" + closedPort + "/x", SecurityConfig.NONE, Identity.ANONYMOUS, null, 2000));
        assertEquals(AcquisitionException.Reason.ENDPOINT_UNREACHABLE, unreachable.reason(), unreachable.getMessage());

        AcquisitionException notUrl = assertThrows(AcquisitionException.class, () -> Connector.connect(
                "http://127.0.0.1/x", SecurityConfig.NONE, Identity.ANONYMOUS, null, 2000));
        assertEquals(AcquisitionException.Reason.CONFIGURATION, notUrl.reason());

        try (LoopbackServer plain = new LoopbackServer(0, 0, 1000, false)) {
            plain.start();
            AcquisitionException refused = assertThrows(AcquisitionException.class, () -> Connector.connect(
                    plain.endpointUrl(), enc, Identity.ANONYMOUS, pki, 2000));
            assertEquals(AcquisitionException.Reason.SECURITY_REFUSED, refused.reason(), refused.getMessage());
            assertTrue(refused.getMessage().contains("None/None"), refused.getMessage());
        }
    }

    @Test
    void sourceWaitsInFailedStateForTrustThenDeliversSecureValues(@TempDir Path data) throws Exception {
        ClientPki pki = ClientPki.open(data.resolve("pki"));
        List<Sample> seen = new CopyOnWriteArrayList<>();
        List<String> comm = new CopyOnWriteArrayList<>();
        SourceConfig cfg = new SourceConfig("loop", server.endpointUrl(),
                new SecurityConfig(SecurityConfig.Mode.SIGN, SecurityPolicy.Basic256Sha256),
                Identity.user(LoopbackServer.USER, LoopbackServer.PASSWORD),
                List.of(new SubscriptionGroup("fast", 200, 100, 5, Deadband.absolute(0.01),
                        List.of(new TagBinding("LEVEL", "ns=2;s=Tank1.Level"), new TagBinding("COUNT", "ns=2;s=Tank1.Counter"),
                                new TagBinding("MISSING", "ns=2;s=Does.Not.Exist")))), false, 1000);
        try (OpcUaSource source = new OpcUaSource(cfg, pki, seen::addAll, null, new CommunicationListener() {
            @Override
            public void onCommunicationLost(String id, String reason) {
                comm.add("lost " + id);
            }

            @Override
            public void onCommunicationRestored(String id) {
                comm.add("restored " + id);
            }
        }, null, Clock.systemUTC())) {
            source.start();
            // state and detail are read together: the source keeps retrying, and each attempt resets the detail
            waitUntil(() -> source.state() == ConnectionState.FAILED && source.stateDetail().contains("not trusted"),
                    20, "failed: untrusted certificate");
            assertEquals(AcquisitionException.Reason.UNTRUSTED_CERTIFICATE, source.lastError().reason());
            waitUntil(() -> comm.contains("lost loop"), 60, "communication alarm raised");
            assertTrue(seen.stream().allMatch(s -> s.quality() == Quality.STALE), "nothing good before trust");

            pki.trustStore().trust(pki.trustStore().rejected().get(0).thumbprint());
            waitUntil(() -> source.state() == ConnectionState.CONNECTED, 30, "connected after trust");
            waitUntil(() -> seen.stream().filter(s -> s.tag().equals("COUNT") && s.quality() == Quality.GOOD).count() >= 3,
                    20, "counter values");
            waitUntil(() -> comm.contains("restored loop"), 60, "communication alarm cleared");
            assertTrue(seen.stream().anyMatch(s -> s.tag().equals("MISSING") && s.quality() == Quality.BAD),
                    "an unknown node is reported BAD");
            Sample level = seen.stream().filter(s -> s.tag().equals("LEVEL") && s.quality() == Quality.GOOD).findFirst().orElseThrow();
            assertTrue(level.value() >= 10 && level.value() <= 90, "level " + level);
            assertTrue(Math.abs(level.timeMillis() - System.currentTimeMillis()) < 60_000, "source timestamp kept");
            assertEquals(3, source.monitoredItemCount());
        }
    }

    @Test
    void sourceManagerRunsSeveralServersAtOnceAndReportsCommunicationPerSource(@TempDir Path data) throws Exception {
        ClientPki pki = ClientPki.open(data.resolve("pki"));
        pki.trustStore().trust(server.certificate());
        List<Sample> seen = new CopyOnWriteArrayList<>();
        List<String> comm = new CopyOnWriteArrayList<>();
        try (LoopbackServer plain = new LoopbackServer(0, 0, 100, false);
             SourceManager manager = new SourceManager(pki, seen::addAll, null, new CommunicationListener() {
                 @Override
                 public void onCommunicationLost(String id, String reason) {
                     comm.add("lost " + id);
                 }

                 @Override
                 public void onCommunicationRestored(String id) {
                     comm.add("restored " + id);
                 }
             }, null, Clock.systemUTC())) {
            plain.start();
            manager.add(new SourceConfig("secure", server.endpointUrl(),
                    new SecurityConfig(SecurityConfig.Mode.ENCRYPT, SecurityPolicy.Basic256Sha256),
                    Identity.user(LoopbackServer.USER, LoopbackServer.PASSWORD),
                    List.of(SubscriptionGroup.of(List.of(new TagBinding("A.CNT", "ns=2;s=Tank1.Counter")), 100)), false, 2000));
            manager.add(SourceConfig.simple("plain", plain.endpointUrl(),
                    List.of(new TagBinding("B.CNT", "ns=2;s=Tank1.Counter")), 100));
            waitUntil(() -> manager.states().values().stream().allMatch(s -> s == ConnectionState.CONNECTED), 60,
                    "both connected: " + manager.states());
            waitUntil(() -> seen.stream().anyMatch(s -> s.tag().equals("A.CNT") && s.quality() == Quality.GOOD)
                    && seen.stream().anyMatch(s -> s.tag().equals("B.CNT") && s.quality() == Quality.GOOD), 60, "values from both");
            plain.stop();
            waitUntil(() -> comm.contains("lost plain"), 60, "COMM alarm for the plain source only");
            assertFalse(comm.contains("lost secure"));
            assertEquals(ConnectionState.CONNECTED, manager.get("secure").orElseThrow().state());
            assertTrue(manager.remove("plain"));
            assertEquals(List.of("secure"), manager.sources().stream().map(OpcUaSource::id).toList());
            AcquisitionException unknown = assertThrows(AcquisitionException.class,
                    () -> manager.acknowledge("nope", "i=1", "00", "x"));
            assertTrue(unknown.getMessage().contains("secure"), unknown.getMessage());
        }
    }
}
