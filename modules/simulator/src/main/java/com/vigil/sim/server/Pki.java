package com.vigil.sim.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** The server's application certificate and trust list (Milo 1.1 certificate groups). */
final class Pki implements Closeable {
    private static final char[] PASSWORD = "vigil-demo-plant".toCharArray();

    final Path dir;
    final CertificateManager certificateManager;
    final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;

    Pki(ServerSecurity sec, String applicationUri, String bindAddress) throws Exception {
        dir = sec.pkiDir() != null ? sec.pkiDir() : Files.createTempDirectory("vigil-sim-pki");
        Files.createDirectories(dir);
        Path base = dir.resolve("pki");
        if (sec.trustDir() != null) {
            Files.createDirectories(sec.trustDir());
            Path issuerCerts = Files.createDirectories(base.resolve("issuer/certs"));
            Path issuerCrl = Files.createDirectories(base.resolve("issuer/crl"));
            Path trustedCrl = Files.createDirectories(base.resolve("trusted/crl"));
            trustList = new FileBasedTrustListManager(issuerCerts, issuerCrl, sec.trustDir(), trustedCrl);
            trustList.initialize();
        } else {
            trustList = FileBasedTrustListManager.createAndInitialize(base);
        }
        FileBasedCertificateQuarantine quarantine = FileBasedCertificateQuarantine.create(base.resolve("rejected"));
        KeyStoreCertificateStore store = KeyStoreCertificateStore.createAndInitialize(
                new KeyStoreCertificateStore.Settings(dir.resolve("server-keystore.pfx"), () -> PASSWORD,
                        alias -> PASSWORD));
        List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1"));
        if (!hosts.contains(bindAddress)) {
            hosts.add(bindAddress);
        }
        try {
            hosts.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException ignored) {
            // no host name: loopback names are enough
        }
        RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
                SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(keyPair)
                        .setCommonName("Vigil demo plant")
                        .setOrganization("Vigil")
                        .setApplicationUri(applicationUri);
                for (String h : hosts) {
                    if (h.matches("[0-9.:]+")) {
                        b.addIpAddress(h);
                    } else {
                        b.addDnsName(h);
                    }
                }
                return new X509Certificate[] {b.build()};
            }
        };
        CertificateValidator validator = sec.trustAllClients()
                ? new CertificateValidator.InsecureCertificateValidator()
                : new DefaultClientCertificateValidator(trustList, quarantine);
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trustList, store, factory,
                validator);
        certificateManager = new DefaultCertificateManager(quarantine, group);
        certificate = group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
                .orElseThrow(() -> new IllegalStateException("no application certificate in " + dir))[0];
        // keep the generator class loaded for jlinked images (used by the factory)
        SelfSignedCertificateGenerator.class.getName();
    }

    @Override
    public void close() throws IOException {
        trustList.close();
    }
}
