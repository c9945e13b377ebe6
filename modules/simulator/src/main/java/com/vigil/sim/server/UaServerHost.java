package com.vigil.sim.server;

import com.vigil.plantconfig.PlantDefinition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A Milo server with the plant namespace: endpoints per {@link ServerSecurity}, start/stop, and dropping /
 * restoring the TCP transport (communication loss) without losing the address space or subscriptions' state.
 */
final class UaServerHost {
    static final String APPLICATION_URI = "urn:vigil:demo-plant:server";

    private final PlantDefinition plant;
    private final String bindAddress;
    private final int port;
    private final String path;
    private final ServerSecurity security;
    private OpcUaServer server;
    private DemoNamespace namespace;
    private OpcTcpServerTransport transport;
    private Pki pki;
    private volatile boolean unbound;

    UaServerHost(PlantDefinition plant, String bindAddress, int port, String path, ServerSecurity security) {
        this.plant = plant;
        this.bindAddress = bindAddress;
        this.port = port;
        this.path = path;
        this.security = security;
    }

    DemoNamespace namespace() {
        return namespace;
    }

    Pki pki() {
        return pki;
    }

    void start(Runnable beforeBind) throws PortInUseException {
        checkPortFree(bindAddress, port);
        try {
            if (security.needsPki()) {
                pki = new Pki(security, APPLICATION_URI, bindAddress);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the server certificate: " + e.getMessage(), e);
        }
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        endpoints.add(endpoint(SecurityPolicy.None, MessageSecurityMode.None));
        if (security.signAndEncrypt()) {
            endpoints.add(endpoint(SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt));
        }
        List<IdentityValidator> validators = new ArrayList<>();
        if (security.anonymous()) {
            validators.add(AnonymousIdentityValidator.INSTANCE);
        }
        if (security.user() != null) {
            String u = security.user();
            String p = security.password() == null ? "" : security.password();
            validators.add(new UsernameIdentityValidator(ch -> u.equals(ch.getUsername()) && p.equals(ch.getPassword())));
        }
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("Vigil demo plant"))
                .setApplicationUri(APPLICATION_URI)
                .setProductUri("urn:vigil:demo-plant")
                .setEndpoints(endpoints)
                .setCertificateManager(pki != null ? pki.certificateManager
                        : new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .setIdentityValidator(new CompositeValidator(validators))
                .build();
        server = new OpcUaServer(config, profile -> {
            transport = new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build());
            return transport;
        });
        namespace = new DemoNamespace(server, plant);
        namespace.startup();
        beforeBind.run();
        try {
            server.startup().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("server did not start on " + bindAddress + ":" + port + ": " + e, e);
        }
        // the bind failure is only logged by Milo; check that the port now answers
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new InetSocketAddress(bindAddress, port), 2000);
        } catch (IOException e) {
            stop();
            throw new PortInUseException(bindAddress, port, e);
        }
    }

    private EndpointConfig endpoint(SecurityPolicy policy, MessageSecurityMode mode) {
        EndpointConfig.Builder b = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(bindAddress)
                .setBindPort(port)
                .setHostname(bindAddress)
                .setPath(path)
                .setSecurityPolicy(policy)
                .setSecurityMode(mode);
        if (security.anonymous()) {
            b.addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
        }
        if (security.user() != null) {
            b.addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
        }
        if (pki != null) {
            b.setCertificate(pki.certificate);
        }
        return b.build();
    }

    void publish(String tagId, DataValue v) {
        DemoNamespace ns = namespace;
        if (ns != null) {
            ns.publish(tagId, v);
        }
    }

    /** Communication loss: closes the listening socket and every open connection; clients get no answer. */
    synchronized void dropTransport() {
        if (transport != null && !unbound) {
            transport.unbind();
            unbound = true;
        }
    }

    /** Ends a communication loss: listens again (sessions and subscriptions survive on the server side). */
    synchronized void restoreTransport() {
        if (transport != null && unbound) {
            try {
                transport.bind(server.getApplicationContext(), new InetSocketAddress(bindAddress, port));
                unbound = false;
            } catch (Exception e) {
                System.err.println("demo plant: cannot listen again on " + bindAddress + ":" + port + ": " + e);
            }
        }
    }

    boolean transportDown() {
        return unbound;
    }

    synchronized void stop() {
        if (server != null) {
            try {
                namespace.shutdown();
                server.shutdown().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("demo plant: shutdown: " + e);
            }
            server = null;
            namespace = null;
        }
        if (pki != null) {
            try {
                pki.close();
            } catch (IOException ignored) {
                // watch service already gone
            }
            pki = null;
        }
    }

    static int freePort(String address) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on " + address + ": " + e.getMessage(), e);
        }
    }

    static void checkPortFree(String address, int port) throws PortInUseException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw new PortInUseException(address, port, e);
        }
    }
}
