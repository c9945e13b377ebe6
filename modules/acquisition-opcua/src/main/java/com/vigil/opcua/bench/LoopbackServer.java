package com.vigil.opcua.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemType;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogUnitType;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A small Milo OPC UA server on the loopback interface for the benchmark and the tests: endpoints
 * None, Basic256Sha256, Aes128_Sha256_RsaOaep and Aes256_Sha256_RsaPss (Sign and SignAndEncrypt),
 * anonymous and user/password ({@value #USER}/{@value #PASSWORD}) identity, a few process variables
 * with EngineeringUnits/EURange, two writable ones, and {@code n} bench variables that all change on
 * every tick. It can be stopped and started again on the same port with the same certificate.
 *
 * <p>Address space ({@code ns=2}, namespace {@value #NAMESPACE_URI}): {@code Objects/Loop/Tank1/}
 * {@code Tank1.Level} (Double, m, 0..100), {@code Tank1.Temp} (Double, °C, 0..150),
 * {@code Tank1.Counter} (Double, +1 per tick), {@code Valve1.Setpoint} (Int32, writable),
 * {@code Pump1.Run} (Boolean, writable); {@code Objects/Loop/Bench/Bench.<i>} (Double).
 */
public final class LoopbackServer implements AutoCloseable {
    public static final String NAMESPACE_URI = "urn:vigil:loopback";
    public static final String USER = "operator";
    public static final String PASSWORD = "secret";
    public static final String PATH = "/vigil-loop";

    static {
        if (java.security.Security.getProvider("BC") == null) {
            java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
    }

    private final int port;
    private final int benchItems;
    private final long tickMillis;
    private final boolean secured;
    private final MemoryCertificateStore certificateStore = new MemoryCertificateStore();
    private final AtomicInteger liveItems = new AtomicInteger();
    private final AtomicLong ticks = new AtomicLong();
    private OpcUaServer server;
    private Namespace namespace;
    private ScheduledExecutorService ticker;
    private X509Certificate certificate;

    /**
     * @param port       TCP port; 0 picks a free one (kept across restarts)
     * @param benchItems number of bench variables
     * @param tickMillis time between value changes
     * @param secured    also offer the secured endpoints (needs a certificate; takes ~1 s to create)
     */
    public LoopbackServer(int port, int benchItems, long tickMillis, boolean secured) {
        this.port = port == 0 ? freePort() : port;
        this.benchItems = benchItems;
        this.tickMillis = tickMillis;
        this.secured = secured;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e, e);
        }
    }

    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        var trust = new MemoryTrustListManager();
        CertificateValidator acceptAll = (chain, uri, hosts) -> { }; // tests: the server trusts every client
        var factory = new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
                try {
                    return new X509Certificate[] {new SelfSignedCertificateBuilder(keyPair)
                            .setCommonName("Vigil loopback test server").setOrganization("Vigil")
                            .setApplicationUri("urn:vigil:loopback:server").addDnsName("localhost")
                            .addIpAddress("127.0.0.1").build()};
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        var group = DefaultApplicationGroup.createAndInitialize(trust, certificateStore, factory, acceptAll);
        certificate = certificateStore.get(NodeIds.RsaSha256ApplicationCertificateType).certificateChain[0];
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1").setBindPort(port).setHostname("127.0.0.1").setPath(PATH)
                .setCertificate(certificate)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        if (secured) {
            for (SecurityPolicy p : List.of(SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep,
                    SecurityPolicy.Aes256_Sha256_RsaPss)) {
                endpoints.add(base.copy().setSecurityPolicy(p).setSecurityMode(MessageSecurityMode.Sign).build());
                endpoints.add(base.copy().setSecurityPolicy(p).setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
            }
        }
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("Vigil loopback server"))
                .setApplicationUri("urn:vigil:loopback:server")
                .setProductUri("urn:vigil:loopback")
                .setEndpoints(endpoints)
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), group))
                .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                        new UsernameIdentityValidator(c -> USER.equals(c.getUsername()) && PASSWORD.equals(c.getPassword()))))
                .build();
        OpcUaServer s = new OpcUaServer(config, profile -> new OpcTcpServerTransport(
                OpcTcpServerTransportConfig.newBuilder().build()));
        liveItems.set(0);
        namespace = new Namespace(s);
        namespace.startup();
        s.startup().get(30, TimeUnit.SECONDS);
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        } catch (IOException e) {
            namespace.shutdown();
            s.shutdown().get(10, TimeUnit.SECONDS);
            throw new IllegalStateException("loopback server cannot listen on port " + port + ": " + e, e);
        }
        server = s;
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loopback-server-tick");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (server != null) {
            try {
                namespace.shutdown();
                server.shutdown().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("loopback server: shutdown: " + e);
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + PATH;
    }

    public int port() {
        return port;
    }

    /** The server's application certificate (the same across restarts). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Data monitored items that exist on the server now (created minus deleted, this run). */
    public int monitoredItemCount() {
        return liveItems.get();
    }

    /** Sessions open on the server now. */
    public int sessionCount() {
        OpcUaServer s = server;
        return s == null ? 0 : s.getSessionManager().getAllSessions().size();
    }

    public long ticks() {
        return ticks.get();
    }

    /** Node id text of bench variable {@code i}. */
    public static String benchNode(int i) {
        return "ns=2;s=Bench." + i;
    }

    private void tick() {
        try {
            long n = ticks.incrementAndGet();
            Namespace ns = namespace;
            DateTime now = DateTime.now();
            ns.set("Tank1.Level", new DataValue(new Variant(50 + 40 * Math.sin(n / 20.0)), StatusCode.GOOD, now, now));
            ns.set("Tank1.Temp", new DataValue(new Variant(60 + 5 * Math.cos(n / 30.0)), StatusCode.GOOD, now, now));
            ns.set("Tank1.Counter", new DataValue(new Variant((double) n), StatusCode.GOOD, now, now));
            for (int i = 0; i < benchItems; i++) {
                ns.set("Bench." + i, new DataValue(new Variant(n + i * 1e-4), StatusCode.GOOD, now, now));
            }
        } catch (RuntimeException e) {
            System.err.println("loopback server: tick failed: " + e);
        }
    }

    private final class Namespace extends ManagedNamespaceWithLifecycle {
        private final SubscriptionModel model;
        private final Map<String, UaVariableNode> vars = new ConcurrentHashMap<>();

        Namespace(OpcUaServer s) {
            super(s, NAMESPACE_URI);
            model = new SubscriptionModel(s, this);
            getLifecycleManager().addLifecycle(model);
            getLifecycleManager().addStartupTask(this::create);
        }

        private void create() {
            UaFolderNode root = folder("Loop");
            root.addReference(new Reference(root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
            UaFolderNode tank = folder("Tank1");
            root.addOrganizes(tank);
            tank.addOrganizes(analog("Tank1.Level", "Tank 1 level", "m", 0, 100));
            tank.addOrganizes(analog("Tank1.Temp", "Tank 1 temperature", "°C", 0, 150));
            tank.addOrganizes(variable("Tank1.Counter", "Tick counter", NodeIds.Double, new Variant(0.0), false));
            tank.addOrganizes(variable("Valve1.Setpoint", "Valve 1 setpoint (%)", NodeIds.Int32, new Variant(0), true));
            tank.addOrganizes(variable("Pump1.Run", "Pump 1 run command", NodeIds.Boolean, new Variant(false), true));
            if (benchItems > 0) {
                UaFolderNode bench = folder("Bench");
                root.addOrganizes(bench);
                for (int i = 0; i < benchItems; i++) {
                    bench.addOrganizes(variable("Bench." + i, "Bench " + i, NodeIds.Double, new Variant(0.0), false));
                }
            }
        }

        private UaFolderNode folder(String name) {
            UaFolderNode f = new UaFolderNode(getNodeContext(), newNodeId("folder/" + name), newQualifiedName(name),
                    LocalizedText.english(name));
            getNodeManager().addNode(f);
            return f;
        }

        private UaVariableNode variable(String id, String description, NodeId type, Variant initial, boolean writable) {
            UaVariableNode v = UaVariableNode.builder(getNodeContext())
                    .setNodeId(newNodeId(id))
                    .setBrowseName(newQualifiedName(id))
                    .setDisplayName(LocalizedText.english(id))
                    .setDescription(LocalizedText.english(description))
                    .setDataType(type)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(UByte.valueOf(writable ? 3 : 1))
                    .setUserAccessLevel(UByte.valueOf(writable ? 3 : 1))
                    .setMinimumSamplingInterval(0.0)
                    .build();
            v.setValue(new DataValue(initial, StatusCode.GOOD, DateTime.now(), DateTime.now()));
            getNodeManager().addNode(v);
            vars.put(id, v);
            return v;
        }

        private UaVariableNode analog(String id, String description, String unit, double lo, double hi) {
            UaVariableNode v = UaVariableNode.builder(getNodeContext())
                    .setNodeId(newNodeId(id))
                    .setBrowseName(newQualifiedName(id))
                    .setDisplayName(LocalizedText.english(id))
                    .setDescription(LocalizedText.english(description))
                    .setDataType(NodeIds.Double)
                    .setTypeDefinition(NodeIds.AnalogItemType)
                    .setAccessLevel(UByte.valueOf(1))
                    .setUserAccessLevel(UByte.valueOf(1))
                    .setMinimumSamplingInterval(0.0)
                    .build();
            v.setValue(new DataValue(new Variant((lo + hi) / 2), StatusCode.GOOD, DateTime.now(), DateTime.now()));
            getNodeManager().addNode(v);
            v.setProperty(AnalogItemType.EU_RANGE, new Range(lo, hi));
            v.setProperty(AnalogUnitType.ENGINEERING_UNITS, new EUInformation(
                    "http://www.opcfoundation.org/UA/units/un/cefact", -1, LocalizedText.english(unit),
                    LocalizedText.english(unit)));
            vars.put(id, v);
            return v;
        }

        void set(String id, DataValue dv) {
            UaVariableNode v = vars.get(id);
            if (v != null) {
                v.setValue(dv);
            }
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            liveItems.addAndGet(items.size());
            model.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            model.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            liveItems.addAndGet(-items.size());
            model.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            model.onMonitoringModeChanged(items);
        }
    }

    /** {@code LoopbackServer [PORT [BENCH_ITEMS]]}: runs the server until killed (for trying the probe by hand). */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 48410;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        LoopbackServer s = new LoopbackServer(port, items, 500, true);
        s.start();
        System.out.println("READY " + s.endpointUrl() + " certificate "
                + com.vigil.opcua.pki.TrustStore.thumbprint(s.certificate()));
        Thread.currentThread().join();
    }

    static List<String> names(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(benchNode(i));
        }
        return out;
    }
}
