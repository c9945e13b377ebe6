package com.vigil.opcua;

import com.vigil.opcua.pki.ClientPki;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;

/**
 * Endpoint discovery, endpoint selection by security and identity, and client creation with Vigil's
 * PKI. Every failure is an {@link AcquisitionException} saying what to do.
 */
public final class Connector {
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private Connector() {
    }

    /** One endpoint the server offers, for listing. */
    public record EndpointInfo(String url, String policy, String mode, List<String> userTokens, int securityLevel,
                               X509Certificate serverCertificate) {
        @Override
        public String toString() {
            return policy + "/" + mode + " level=" + securityLevel + " tokens=" + userTokens + " " + url;
        }
    }

    /** The endpoints the server at {@code endpointUrl} offers (GetEndpoints, no security needed). */
    public static List<EndpointDescription> discover(String endpointUrl) {
        checkUrl(endpointUrl);
        try {
            List<EndpointDescription> eps = DiscoveryClient.getEndpoints(endpointUrl, Connector::transport)
                    .get(CONNECT_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS);
            // servers often announce a host name the client cannot resolve: keep the host the engineer typed
            String host = EndpointUtil.getHost(endpointUrl);
            int port = EndpointUtil.getPort(endpointUrl);
            return eps.stream().map(e -> EndpointUtil.updateUrl(e, host, port)).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AcquisitionException.connecting(endpointUrl, e);
        } catch (Exception e) {
            throw AcquisitionException.connecting(endpointUrl, e);
        }
    }

    public static List<EndpointInfo> describe(List<EndpointDescription> eps) {
        return eps.stream().map(e -> new EndpointInfo(e.getEndpointUrl(),
                SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(Enum::name).orElse(e.getSecurityPolicyUri()),
                e.getSecurityMode().name(),
                Stream.of(tokens(e)).map(t -> t.getTokenType().name()).distinct().toList(),
                e.getSecurityLevel() == null ? 0 : e.getSecurityLevel().intValue(),
                serverCertificate(e).orElse(null))).toList();
    }

    static void checkUrl(String endpointUrl) {
        if (endpointUrl == null || !endpointUrl.startsWith("opc.tcp://") || EndpointUtil.getHost(endpointUrl) == null) {
            throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                    "'" + endpointUrl + "' is not an OPC UA endpoint URL: use opc.tcp://host:port/path");
        }
    }

    private static void transport(OpcTcpClientTransportConfigBuilder b) {
        b.setConnectTimeout(UInteger.valueOf(CONNECT_TIMEOUT_MS));
    }

    private static UserTokenPolicy[] tokens(EndpointDescription e) {
        return e.getUserIdentityTokens() == null ? new UserTokenPolicy[0] : e.getUserIdentityTokens();
    }

    /** The server certificate announced by an endpoint (first of the chain). */
    public static Optional<X509Certificate> serverCertificate(EndpointDescription e) {
        if (e.getServerCertificate() == null || e.getServerCertificate().isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CertificateUtil.decodeCertificates(e.getServerCertificate().bytesOrEmpty()).get(0));
        } catch (Exception ex) {
            return Optional.empty();
        }
    }

    /** Picks the endpoint matching security and identity; explains what the server offers when none does. */
    public static EndpointDescription select(String endpointUrl, List<EndpointDescription> eps, SecurityConfig security,
                                             Identity identity) {
        MessageSecurityMode mode = security.mode().milo();
        UserTokenType token = identity.anonymous() ? UserTokenType.Anonymous : UserTokenType.UserName;
        List<SecurityPolicy> wanted = security.policy() != null ? List.of(security.policy()) : SecurityConfig.SUPPORTED;
        Optional<EndpointDescription> found = eps.stream()
                .filter(e -> e.getSecurityMode() == mode)
                .filter(e -> SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(wanted::contains).orElse(false))
                .filter(e -> e.getEndpointUrl().startsWith("opc.tcp:"))
                .filter(e -> Stream.of(tokens(e)).anyMatch(t -> t.getTokenType() == token))
                .min(Comparator.comparingInt(e -> wanted.indexOf(SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri())
                        .orElse(SecurityPolicy.None))));
        if (found.isPresent()) {
            return found.get();
        }
        String offered = describe(eps).stream().map(EndpointInfo::toString).collect(Collectors.joining("; "));
        boolean securityOffered = eps.stream().anyMatch(e -> e.getSecurityMode() == mode
                && SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(wanted::contains).orElse(false));
        if (securityOffered) {
            return fail(AcquisitionException.Reason.BAD_CREDENTIALS, "the server " + endpointUrl + " does not accept "
                    + (identity.anonymous() ? "anonymous users" : "user/password") + " with security " + security
                    + (identity.anonymous() ? ": give --user and --password" : ": log in anonymously or pick another endpoint")
                    + ". It offers: " + offered);
        }
        return fail(AcquisitionException.Reason.SECURITY_REFUSED, "the server " + endpointUrl
                + " offers no endpoint with security " + security + ". Pick one it offers: " + offered);
    }

    private static <T> T fail(AcquisitionException.Reason r, String message) {
        throw new AcquisitionException(r, message);
    }

    /**
     * Discovers, selects and creates a client (not yet connected). A secured endpoint needs {@code pki}.
     */
    public static OpcUaClient create(String endpointUrl, SecurityConfig security, Identity identity, ClientPki pki,
                                     long keepAliveMillis) {
        List<EndpointDescription> eps = discover(endpointUrl);
        EndpointDescription endpoint = select(endpointUrl, eps, security, identity);
        checkServerCertificate(endpointUrl, endpoint, pki);
        return create(endpoint, eps, identity, pki, keepAliveMillis);
    }

    public static OpcUaClient create(EndpointDescription endpoint, List<EndpointDescription> eps, Identity identity,
                                     ClientPki pki, long keepAliveMillis) {
        boolean secured = !SecurityPolicy.None.getUri().equals(endpoint.getSecurityPolicyUri());
        if (secured && pki == null) {
            throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                    "a secured connection needs Vigil's PKI folder (--pki DIR or the data directory)");
        }
        IdentityProvider idp = identity.anonymous() ? new AnonymousProvider()
                : new UsernameProvider(identity.user(), identity.password(),
                        pki == null ? new org.eclipse.milo.opcua.stack.core.security.CertificateValidator.InsecureCertificateValidator()
                                : pki.validator(),
                        ps -> ps.stream().filter(p -> p.getTokenType() == UserTokenType.UserName).findFirst().orElse(ps.get(0)));
        var b = OpcUaClientConfig.builder()
                .setEndpoint(endpoint)
                .setDiscoveryEndpoints(eps)
                .setApplicationName(LocalizedText.english("Vigil console"))
                .setApplicationUri(ClientPki.APPLICATION_URI)
                .setProductUri("urn:vigil")
                .setIdentityProvider(idp)
                // a silent loss is detected within keepAliveMillis: probe every half period, time out after half
                .setKeepAliveInterval(UInteger.valueOf(Math.max(250, keepAliveMillis / 2)))
                .setKeepAliveTimeout(UInteger.valueOf(Math.max(250, keepAliveMillis / 2)))
                .setKeepAliveFailuresAllowed(UInteger.valueOf(0))
                .setSessionTimeout(UInteger.valueOf(60_000))
                .setRequestTimeout(UInteger.valueOf(10_000));
        if (pki != null) {
            b.setKeyPair(pki.keyPair())
                    .setCertificate(pki.certificate())
                    .setCertificateChain(new X509Certificate[] {pki.certificate()})
                    .setCertificateValidator(pki.validator());
        }
        var tb = OpcTcpClientTransportConfig.newBuilder();
        transport(tb);
        return new OpcUaClient(b.build(), new org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport(tb.build()));
    }

    /**
     * For a secured endpoint: validates the server certificate against Vigil's trust list before
     * connecting; an unknown one is put in {@code pki/rejected} and refused with a clear message.
     */
    static void checkServerCertificate(String endpointUrl, EndpointDescription endpoint, ClientPki pki) {
        if (SecurityPolicy.None.getUri().equals(endpoint.getSecurityPolicyUri()) || pki == null) {
            return;
        }
        List<X509Certificate> chain;
        try {
            chain = CertificateUtil.decodeCertificates(endpoint.getServerCertificate().bytesOrEmpty());
        } catch (Exception e) {
            throw new AcquisitionException(AcquisitionException.Reason.UNTRUSTED_CERTIFICATE, "the server " + endpointUrl
                    + " announces no readable certificate for a secured endpoint: " + e.getMessage(), 0, e);
        }
        try {
            pki.validator().validateCertificateChain(chain, null, null);
        } catch (org.eclipse.milo.opcua.stack.core.UaException e) {
            String tp = com.vigil.opcua.pki.TrustStore.thumbprint(chain.get(0));
            boolean trusted = pki.trustStore().isTrusted(chain.get(0));
            throw new AcquisitionException(AcquisitionException.Reason.UNTRUSTED_CERTIFICATE, trusted
                    ? "the certificate of " + endpointUrl + " (thumbprint " + tp + ") is trusted but invalid ("
                            + AcquisitionException.statusName(e.getStatusCode().getValue()) + "): renew or fix the server certificate"
                    : "the certificate of " + endpointUrl + " (" + chain.get(0).getSubjectX500Principal().getName()
                            + ", thumbprint " + tp + ") is not trusted; it was put in " + pki.dir().resolve("rejected")
                            + ". Check the thumbprint with the server's administrator and trust it (vigil probe --endpoint "
                            + endpointUrl + " --trust, or the trust list)", e.getStatusCode().getValue(), e);
        }
    }

    /** Creates and connects; on failure the client is released and the reason explained. */
    public static OpcUaClient connect(String endpointUrl, SecurityConfig security, Identity identity, ClientPki pki,
                                      long keepAliveMillis) {
        OpcUaClient c = create(endpointUrl, security, identity, pki, keepAliveMillis);
        try {
            c.connect();
            return c;
        } catch (Exception e) {
            try {
                c.disconnectAsync().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // already failed
            }
            throw AcquisitionException.connecting(endpointUrl, e);
        }
    }

    static String policies(List<EndpointDescription> eps) {
        return Arrays.toString(eps.stream().map(e -> e.getSecurityPolicyUri()).distinct().toArray());
    }
}
