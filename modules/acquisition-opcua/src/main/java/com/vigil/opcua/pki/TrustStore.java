package com.vigil.opcua.pki;

import com.vigil.opcua.AcquisitionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server certificates Vigil trusts ({@code pki/trusted}) and the ones it has seen and rejected
 * ({@code pki/rejected}), one DER file per certificate named by its SHA-1 thumbprint. It is Milo's
 * trust list (read from disk on every validation, so a trust decision takes effect at the next
 * connection attempt) and Milo's quarantine (unknown server certificates land in rejected).
 */
public final class TrustStore implements TrustListManager, CertificateQuarantine {
    private static final Logger LOG = LoggerFactory.getLogger(TrustStore.class);

    private final Path trustedDir;
    private final Path rejectedDir;
    private volatile DateTime lastUpdate = DateTime.now();

    public TrustStore(Path trustedDir, Path rejectedDir) {
        this.trustedDir = trustedDir;
        this.rejectedDir = rejectedDir;
        try {
            Files.createDirectories(trustedDir);
            Files.createDirectories(rejectedDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create trust folders " + trustedDir + ", " + rejectedDir, e);
        }
    }

    /** Trusted certificates, sorted by subject. */
    public List<CertificateInfo> trusted() {
        return list(trustedDir, true);
    }

    /**
     * Where the certificate with this thumbprint is: {@code trusted}, {@code rejected} or {@code unknown}
     * (':' and spaces ignored, any case; the same lookup {@link #trust(String)} and {@link #reject(String)} use).
     */
    public String state(String thumbprint) {
        String tp = normalize(thumbprint);
        if (Files.exists(trustedDir.resolve(tp + ".der"))) {
            return "trusted";
        }
        return Files.exists(rejectedDir.resolve(tp + ".der")) ? "rejected" : "unknown";
    }

    /** Certificates seen and rejected (waiting for an engineer's decision). */
    public List<CertificateInfo> rejected() {
        return list(rejectedDir, false);
    }

    /** Trusts a certificate (moves it from rejected to trusted). The thumbprint may contain ':' or spaces. */
    public synchronized CertificateInfo trust(String thumbprint) {
        return move(thumbprint, rejectedDir, trustedDir, true);
    }

    /** Takes back trust (moves it from trusted to rejected). */
    public synchronized CertificateInfo reject(String thumbprint) {
        return move(thumbprint, trustedDir, rejectedDir, false);
    }

    /** Trusts a certificate directly (e.g. one the engineer saw in {@code vigil probe --trust}). */
    public synchronized CertificateInfo trust(X509Certificate certificate) {
        String tp = thumbprint(certificate);
        write(trustedDir.resolve(tp + ".der"), certificate);
        try {
            Files.deleteIfExists(rejectedDir.resolve(tp + ".der"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastUpdate = DateTime.now();
        LOG.info("trusted server certificate {} ({})", tp, certificate.getSubjectX500Principal().getName());
        return info(certificate, true);
    }

    public boolean isTrusted(X509Certificate certificate) {
        return Files.exists(trustedDir.resolve(thumbprint(certificate) + ".der"));
    }

    private CertificateInfo move(String thumbprint, Path from, Path to, boolean trusted) {
        String tp = normalize(thumbprint);
        Path src = from.resolve(tp + ".der");
        if (!Files.exists(src)) {
            Path already = to.resolve(tp + ".der");
            if (Files.exists(already)) {
                return info(read(already), trusted);
            }
            throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                    "no certificate with thumbprint " + tp + " in " + from + "; list them first");
        }
        try {
            Files.move(src, to.resolve(tp + ".der"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move certificate " + src + " to " + to, e);
        }
        lastUpdate = DateTime.now();
        X509Certificate c = read(to.resolve(tp + ".der"));
        LOG.info("{} server certificate {} ({})", trusted ? "trusted" : "rejected", tp,
                c.getSubjectX500Principal().getName());
        return info(c, trusted);
    }

    static String normalize(String thumbprint) {
        return thumbprint.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
    }

    /** SHA-1 of the DER encoding as upper-case hex. */
    public static String thumbprint(X509Certificate c) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CertificateInfo info(X509Certificate c, boolean trusted) {
        return new CertificateInfo(thumbprint(c), c.getSubjectX500Principal().getName(),
                CertificateUtil.getSanUri(c).orElse(""), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                trusted);
    }

    private List<CertificateInfo> list(Path dir, boolean trusted) {
        List<CertificateInfo> out = new ArrayList<>();
        for (X509Certificate c : load(dir)) {
            out.add(info(c, trusted));
        }
        out.sort(java.util.Comparator.comparing(CertificateInfo::subject));
        return out;
    }

    private static List<X509Certificate> load(Path dir) {
        List<X509Certificate> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    out.addAll(CertificateUtil.decodeCertificates(Files.readAllBytes(f)));
                } catch (Exception e) {
                    LOG.warn("ignoring unreadable certificate file {}: {}", f, e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    private static X509Certificate read(Path f) {
        try {
            return CertificateUtil.decodeCertificate(Files.readAllBytes(f));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read certificate " + f + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path f, X509Certificate c) {
        try {
            Files.write(f, c.getEncoded());
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot write certificate " + f + ": " + e.getMessage(), e);
        }
    }

    // ---- Milo TrustListManager: trusted certificates come from the folder, no issuers or CRLs ----

    @Override
    public List<X509CRL> getIssuerCrls() {
        return List.of();
    }

    @Override
    public List<X509CRL> getTrustedCrls() {
        return List.of();
    }

    @Override
    public List<X509Certificate> getIssuerCertificates() {
        return List.of();
    }

    @Override
    public List<X509Certificate> getTrustedCertificates() {
        return load(trustedDir);
    }

    @Override
    public void setIssuerCrls(List<X509CRL> issuerCrls) {
        throw new UnsupportedOperationException("issuer CRLs are not managed by Vigil");
    }

    @Override
    public void setTrustedCrls(List<X509CRL> trustedCrls) {
        throw new UnsupportedOperationException("CRLs are not managed by Vigil");
    }

    @Override
    public void setIssuerCertificates(List<X509Certificate> issuerCertificates) {
        throw new UnsupportedOperationException("issuer certificates are not managed by Vigil");
    }

    @Override
    public synchronized void setTrustedCertificates(List<X509Certificate> trustedCertificates) {
        trustedCertificates.forEach(this::trust);
    }

    @Override
    public void addIssuerCertificate(X509Certificate certificate) {
        throw new UnsupportedOperationException("issuer certificates are not managed by Vigil");
    }

    @Override
    public void addTrustedCertificate(X509Certificate certificate) {
        trust(certificate);
    }

    @Override
    public boolean removeIssuerCertificate(ByteString thumbprint) {
        return false;
    }

    @Override
    public synchronized boolean removeTrustedCertificate(ByteString thumbprint) {
        String tp = HexFormat.of().withUpperCase().formatHex(thumbprint.bytesOrEmpty());
        try {
            reject(tp);
            return true;
        } catch (AcquisitionException e) {
            return false;
        }
    }

    @Override
    public DateTime getLastUpdateTime() {
        return lastUpdate;
    }

    // ---- Milo CertificateQuarantine ----

    @Override
    public List<X509Certificate> getRejectedCertificates() {
        return load(rejectedDir);
    }

    @Override
    public synchronized void addRejectedCertificate(X509Certificate certificate) {
        String tp = thumbprint(certificate);
        if (Files.exists(trustedDir.resolve(tp + ".der"))) {
            return; // trusted but failed another check (e.g. validity): keep the engineer's decision
        }
        Path f = rejectedDir.resolve(tp + ".der");
        if (!Files.exists(f)) {
            write(f, certificate);
            LOG.warn("rejected unknown server certificate {} ({}); trust it to connect", tp,
                    certificate.getSubjectX500Principal().getName());
        }
    }

    @Override
    public synchronized void removeRejectedCertificate(X509Certificate certificate) {
        try {
            Files.deleteIfExists(rejectedDir.resolve(thumbprint(certificate) + ".der"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
