package com.vigil.sim.server;

import com.vigil.model.TagDef;
import com.vigil.model.TagKind;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.sim.dynamics.PlantDynamics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * The demo plant as an OPC UA server (Eclipse Milo) on the loopback interface. A simulation thread
 * steps {@link PlantDynamics} and publishes every tag with source and server timestamps; sensors marked
 * failed report {@code Bad_SensorFailure}.
 */
public final class DemoPlantServer implements AutoCloseable {
    public static final String PATH = "/vigil-demo";
    public static final int DEFAULT_PORT = 48400;

    private final PlantDefinition plant;
    private final PlantDynamics dynamics;
    private final String bindAddress;
    private final int port;
    private final double speed;
    private final long tickMillis;
    private OpcUaServer server;
    private DemoNamespace namespace;
    private ScheduledExecutorService ticker;
    private ScheduledFuture<?> tickTask;

    /**
     * @param plant      plant definition (tags and simulation settings)
     * @param port       TCP port; 0 picks a free one
     * @param seed       random seed: same seed, same plant behaviour
     * @param speed      simulated seconds per real second (1 = real time)
     * @param tickMillis real milliseconds between simulation steps
     */
    public DemoPlantServer(PlantDefinition plant, String bindAddress, int port, long seed, double speed,
                           long tickMillis) {
        this.plant = plant;
        this.dynamics = new PlantDynamics(plant, seed);
        this.bindAddress = bindAddress;
        this.port = port == 0 ? freePort(bindAddress) : port;
        this.speed = speed;
        this.tickMillis = tickMillis;
    }

    public DemoPlantServer(PlantDefinition plant, int port) {
        this(plant, "127.0.0.1", port, 42L, 1.0, 500);
    }

    /** Starts the server; fails with {@link PortInUseException} when the port is taken. */
    public synchronized void start() throws PortInUseException {
        checkPortFree(bindAddress, port);
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(bindAddress)
                .setBindPort(port)
                .setHostname(bindAddress)
                .setPath(PATH)
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("Vigil demo plant"))
                .setApplicationUri("urn:vigil:demo-plant:server")
                .setProductUri("urn:vigil:demo-plant")
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build();
        server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(
                OpcTcpServerTransportConfig.newBuilder().build()));
        namespace = new DemoNamespace(server, plant);
        namespace.startup();
        publishAll();
        try {
            server.startup().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("demo plant server did not start on " + endpointUrl() + ": " + e, e);
        }
        // the bind failure is only logged by Milo; check that the port now answers
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new InetSocketAddress(bindAddress, port), 2000);
        } catch (IOException e) {
            stop();
            throw new PortInUseException(bindAddress, port, e);
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-plant-sim");
            t.setDaemon(true);
            return t;
        });
        tickTask = ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            synchronized (dynamics) {
                dynamics.step(speed * tickMillis / 1000.0);
            }
            publishAll();
        } catch (RuntimeException e) {
            // never let the scheduler cancel the plant silently
            System.err.println("demo plant: simulation step failed: " + e);
        }
    }

    private void publishAll() {
        DateTime now = new DateTime(Instant.now());
        List<TagDef> tags = dynamics.tags();
        synchronized (dynamics) {
            for (int i = 0; i < tags.size(); i++) {
                TagDef t = tags.get(i);
                DataValue dv;
                if (dynamics.isBad(i)) {
                    dv = new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_SensorFailure), now, now);
                } else if (t.kind() == TagKind.DISCRETE) {
                    dv = new DataValue(new Variant(dynamics.value(i) >= 0.5), StatusCode.GOOD, now, now);
                } else {
                    dv = new DataValue(new Variant((float) dynamics.value(i)), StatusCode.GOOD, now, now);
                }
                namespace.publish(t.id(), dv);
            }
        }
    }

    /** Drives a tag towards a value for a while (simulated seconds), e.g. to demonstrate an alarm. */
    public void force(String tagId, double target, double seconds) {
        synchronized (dynamics) {
            dynamics.force(dynamics.indexOf(tagId), target, seconds);
        }
    }

    /** Fails or restores a sensor: a failed sensor is published with status Bad_SensorFailure. */
    public void failSensor(String tagId, boolean failed) {
        synchronized (dynamics) {
            dynamics.setBad(dynamics.indexOf(tagId), failed);
        }
        publishAll();
    }

    public String endpointUrl() {
        return "opc.tcp://" + bindAddress + ":" + port + PATH;
    }

    public int port() {
        return port;
    }

    public PlantDefinition plant() {
        return plant;
    }

    public synchronized void stop() {
        if (tickTask != null) {
            tickTask.cancel(false);
            ticker.shutdownNow();
            tickTask = null;
        }
        if (server != null) {
            try {
                namespace.shutdown();
                server.shutdown().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("demo plant: shutdown: " + e);
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort(String address) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on " + address + ": " + e.getMessage(), e);
        }
    }

    private static void checkPortFree(String address, int port) throws PortInUseException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw new PortInUseException(address, port, e);
        }
    }
}
