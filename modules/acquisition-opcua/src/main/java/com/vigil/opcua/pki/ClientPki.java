package com.vigil.opcua.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Period;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's PKI folder: {@code own/} (the application instance certificate and key in a PKCS#12 key
 * store, created on first start and kept; the certificate also as {@code vigil-console.der} to hand to
 * server administrators), {@code trusted/} and {@code rejected/} (server certificates, see
 * {@link TrustStore}).
 */
public final class ClientPki {
    private static final Logger LOG = LoggerFactory.getLogger(ClientPki.class);
    /** Application URI of the console; it is in the certificate's subject alternative name. */
    public static final String APPLICATION_URI = "urn:vigil:console";
    private static final String ALIAS = "vigil-console";
    private static final char[] PASSWORD = "vigil".toCharArray();

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider()); // Aes256_Sha256_RsaPss needs RSASSA-PSS
        }
    }

    private final Path dir;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final TrustStore trustStore;

    private ClientPki(Path dir, KeyPair keyPair, X509Certificate certificate, TrustStore trustStore) {
        this.dir = dir;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustStore = trustStore;
    }

    /** Opens the PKI folder {@code dir} (e.g. {@code <data>/pki}), creating the certificate on first use. */
    public static synchronized ClientPki open(Path dir) {
        try {
            Path own = dir.resolve("own");
            Files.createDirectories(own);
            TrustStore trust = new TrustStore(dir.resolve("trusted"), dir.resolve("rejected"));
            Path ks = own.resolve("vigil-console.p12");
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(ks)) {
                try (InputStream in = Files.newInputStream(ks)) {
                    store.load(in, PASSWORD);
                }
                Key key = store.getKey(ALIAS, PASSWORD);
                X509Certificate cert = (X509Certificate) store.getCertificate(ALIAS);
                if (key instanceof PrivateKey pk && cert != null) {
                    return new ClientPki(dir, new KeyPair(cert.getPublicKey(), pk), cert, trust);
                }
                LOG.warn("key store {} has no entry '{}'; creating a new certificate", ks, ALIAS);
            }
            KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            String host = hostName();
            SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(kp)
                    .setCommonName("Vigil console@" + host)
                    .setOrganization("Vigil")
                    .setApplicationUri(APPLICATION_URI)
                    .setValidityPeriod(Period.ofYears(5))
                    .addDnsName(host)
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1");
            X509Certificate cert = b.build();
            store.load(null, PASSWORD);
            store.setKeyEntry(ALIAS, kp.getPrivate(), PASSWORD, new X509Certificate[] {cert});
            try (OutputStream out = Files.newOutputStream(ks)) {
                store.store(out, PASSWORD);
            }
            Files.write(own.resolve("vigil-console.der"), cert.getEncoded());
            LOG.info("created Vigil's application certificate {} in {}", TrustStore.thumbprint(cert), own);
            return new ClientPki(dir, kp, cert, trust);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the PKI folder " + dir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create or read Vigil's certificate in " + dir + ": " + e, e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    public Path dir() {
        return dir;
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public TrustStore trustStore() {
        return trustStore;
    }

    /** Validates server certificates against {@code trusted/}; unknown ones are put in {@code rejected/}. */
    public CertificateValidator validator() {
        return new DefaultClientCertificateValidator(trustStore, trustStore);
    }
}
