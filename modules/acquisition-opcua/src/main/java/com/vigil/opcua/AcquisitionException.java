package com.vigil.opcua;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;

/**
 * Something the engineer must fix: the message says what failed and what to do. {@link #reason()}
 * lets code react (e.g. the back-off loop does not hammer a server that refuses our credentials).
 */
public final class AcquisitionException extends RuntimeException {
    /** Why an operation failed. */
    public enum Reason {
        /** The endpoint cannot be reached (wrong host/port/path, server down). Retried with back-off. */
        ENDPOINT_UNREACHABLE(true),
        /** The server offers no endpoint with the requested security policy/mode. */
        SECURITY_REFUSED(false),
        /** The server's certificate is not trusted yet (it is in pki/rejected). */
        UNTRUSTED_CERTIFICATE(false),
        /** The server did not accept our certificate. */
        CERTIFICATE_REFUSED_BY_SERVER(false),
        /** User name / password (or anonymous access) refused. */
        BAD_CREDENTIALS(false),
        /** The node id is unknown on the server or malformed. */
        UNKNOWN_NODE(false),
        /** A value cannot be converted to the node's data type. */
        TYPE_MISMATCH(false),
        /** Configuration or input error (CSV, options). */
        CONFIGURATION(false),
        /** Any other failure; retried. */
        OTHER(true);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** True when retrying without a change by an engineer may succeed. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Reason reason;
    private final long statusCode;

    public AcquisitionException(Reason reason, String message, long statusCode, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.statusCode = statusCode;
    }

    public AcquisitionException(Reason reason, String message) {
        this(reason, message, 0, null);
    }

    public Reason reason() {
        return reason;
    }

    /** OPC UA status code behind the failure, 0 when there was none. */
    public long statusCode() {
        return statusCode;
    }

    /** Translates a failure while connecting to {@code endpointUrl} into a message an engineer can act on. */
    public static AcquisitionException connecting(String endpointUrl, Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof AcquisitionException a) {
            return a;
        }
        UaException ua = findUa(e);
        if (ua != null) {
            long sc = ua.getStatusCode().getValue();
            String name = statusName(sc);
            if (sc == StatusCodes.Bad_SecurityChecksFailed || sc == StatusCodes.Bad_CertificateUntrusted
                    || sc == StatusCodes.Bad_CertificateChainIncomplete) {
                if (isLocalValidation(ua)) {
                    return new AcquisitionException(Reason.UNTRUSTED_CERTIFICATE,
                            "the certificate of " + endpointUrl + " is not trusted (" + name + "); it was put in pki/rejected."
                                    + " Check its thumbprint and trust it (vigil probe --endpoint " + endpointUrl
                                    + " --trust, or the trust list)", sc, failure);
                }
                return new AcquisitionException(Reason.CERTIFICATE_REFUSED_BY_SERVER,
                        "the server " + endpointUrl + " refused the connection (" + name + "): it probably does not trust"
                                + " Vigil's certificate yet. Trust Vigil's certificate (pki/own) in the server's trust list,"
                                + " then retry", sc, failure);
            }
            if (sc == StatusCodes.Bad_CertificateTimeInvalid || sc == StatusCodes.Bad_CertificateHostNameInvalid
                    || sc == StatusCodes.Bad_CertificateUriInvalid || sc == StatusCodes.Bad_CertificateRevoked
                    || sc == StatusCodes.Bad_CertificateIssuerRevocationUnknown
                    || sc == StatusCodes.Bad_CertificateRevocationUnknown) {
                return new AcquisitionException(Reason.UNTRUSTED_CERTIFICATE,
                        "the certificate of " + endpointUrl + " failed validation (" + name + "): renew or fix the"
                                + " server certificate", sc, failure);
            }
            if (sc == StatusCodes.Bad_UserAccessDenied || sc == StatusCodes.Bad_IdentityTokenRejected
                    || sc == StatusCodes.Bad_IdentityTokenInvalid || sc == StatusCodes.Bad_UserSignatureInvalid) {
                return new AcquisitionException(Reason.BAD_CREDENTIALS,
                        "the server " + endpointUrl + " refused the user identity (" + name + "): check user name and"
                                + " password (or whether anonymous access is allowed)", sc, failure);
            }
            if (sc == StatusCodes.Bad_SecurityPolicyRejected || sc == StatusCodes.Bad_SecurityModeRejected) {
                return new AcquisitionException(Reason.SECURITY_REFUSED,
                        "the server " + endpointUrl + " refused the security policy/mode (" + name + "): pick one it"
                                + " offers (vigil probe --endpoint " + endpointUrl + " lists them)", sc, failure);
            }
            if (sc == StatusCodes.Bad_Timeout || sc == StatusCodes.Bad_ConnectionRejected
                    || sc == StatusCodes.Bad_ConnectionClosed || sc == StatusCodes.Bad_ServerNotConnected
                    || sc == StatusCodes.Bad_CommunicationError || sc == StatusCodes.Bad_TcpEndpointUrlInvalid) {
                return new AcquisitionException(Reason.ENDPOINT_UNREACHABLE,
                        "cannot reach " + endpointUrl + " (" + name + "): check host, port and path, and that the"
                                + " server runs", sc, failure);
            }
            return new AcquisitionException(Reason.OTHER, "connecting to " + endpointUrl + " failed: " + name
                    + (ua.getMessage() == null ? "" : " (" + ua.getMessage() + ")"), sc, failure);
        }
        Throwable root = root(e);
        if (root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof UnresolvedAddressException || root instanceof TimeoutException
                || root instanceof java.net.SocketException) {
            return new AcquisitionException(Reason.ENDPOINT_UNREACHABLE,
                    "cannot reach " + endpointUrl + " (" + describe(root) + "): check host, port and path, and that"
                            + " the server runs", 0, failure);
        }
        return new AcquisitionException(Reason.OTHER, "connecting to " + endpointUrl + " failed: " + describe(root),
                0, failure);
    }

    private static boolean isLocalValidation(UaException ua) {
        // our own validator throws from CertificateValidationUtil; a server-side refusal arrives as an ERR message
        for (StackTraceElement el : ua.getStackTrace()) {
            if (el.getClassName().contains("CertificateValidationUtil") || el.getClassName().contains("TrustStore")
                    || el.getClassName().contains("CertificateValidator")) {
                return true;
            }
        }
        return false;
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static UaException findUa(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof UaException u) {
                return u;
            }
        }
        return null;
    }

    static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Symbolic name of a status code, e.g. {@code Good}, {@code Bad_NodeIdUnknown}. */
    public static String statusName(long statusCode) {
        if (statusCode == 0) {
            return "Good";
        }
        return StatusCodes.lookup(statusCode).map(s -> s[0]).orElse(String.format("0x%08X", statusCode));
    }
}
