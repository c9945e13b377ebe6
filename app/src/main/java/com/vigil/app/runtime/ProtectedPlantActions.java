package com.vigil.app.runtime;

import com.vigil.accounts.AccessDeniedException;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditAction;
import com.vigil.accounts.AuditOutcome;
import com.vigil.accounts.ProtectedAction;
import com.vigil.accounts.Session;
import com.vigil.model.Actor;
import com.vigil.opcua.pki.CertificateInfo;
import com.vigil.opcua.pki.TrustStore;
import com.vigil.opcua.write.WriteResult;
import java.security.cert.X509Certificate;
import java.util.function.BiFunction;

/**
 * The plant-facing actions that need a role: OPC UA writes and certificate trust decisions. Each checks the
 * session's permission in the accounts service first (a refusal is audited and thrown as
 * {@link AccessDeniedException}; nothing reaches the server or the trust list), then does the action and
 * audits it with before and after — also when it fails, with the server's status.
 */
public final class ProtectedPlantActions {
    private final AccountService accounts;

    public ProtectedPlantActions(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * Writes {@code value} to {@code nodeId} through {@code writer} (an {@code OpcUaSource::write} or a
     * {@code ValueWriter::write}), read back by the writer.
     *
     * @param before the value shown to the user before the write (for the audit trail; may be null)
     * @throws AccessDeniedException when the session may not write (audited as refused)
     */
    public WriteResult write(Session session, String nodeId, Object value, String before, String comment,
                             BiFunction<String, Object, WriteResult> writer) {
        accounts.require(session, ProtectedAction.OPCUA_WRITE, nodeId);
        Actor a = session.actor();
        WriteResult r;
        try {
            r = writer.apply(nodeId, value);
        } catch (RuntimeException e) {
            accounts.audit().append(a.user(), a.role(), AuditAction.OPCUA_WRITE, AuditOutcome.FAILED, nodeId, before,
                    null, join(comment, "requested " + value + ": " + e.getMessage()));
            throw e;
        }
        accounts.audit().append(a.user(), a.role(), AuditAction.OPCUA_WRITE, r.ok() ? AuditOutcome.DONE : AuditOutcome.FAILED,
                nodeId, before, r.readBack() == null ? null : String.valueOf(r.readBack()),
                join(comment, "requested " + value + ", status " + r.status() + (r.ok() ? "" : ": " + r.message())));
        return r;
    }

    /** Trusts the server certificate this client saw (trust on first use, after checking the thumbprint). */
    public CertificateInfo trust(Session session, TrustStore store, X509Certificate certificate, String comment) {
        String target = "certificate " + TrustStore.thumbprint(certificate);
        accounts.require(session, ProtectedAction.CERTIFICATE_TRUST, target);
        String before = store.isTrusted(certificate) ? "trusted" : store.state(TrustStore.thumbprint(certificate));
        return decide(session, target, before, comment, () -> store.trust(certificate), "trusted ");
    }

    /** Moves a rejected certificate to trusted. */
    public CertificateInfo trust(Session session, TrustStore store, String thumbprint, String comment) {
        String target = "certificate " + thumbprint;
        accounts.require(session, ProtectedAction.CERTIFICATE_TRUST, target);
        return decide(session, target, store.state(thumbprint), comment, () -> store.trust(thumbprint), "trusted ");
    }

    /** Moves a trusted certificate to rejected. */
    public CertificateInfo reject(Session session, TrustStore store, String thumbprint, String comment) {
        String target = "certificate " + thumbprint;
        accounts.require(session, ProtectedAction.CERTIFICATE_TRUST, target);
        return decide(session, target, store.state(thumbprint), comment, () -> store.reject(thumbprint), "rejected ");
    }

    /** Does the decision and audits it: DONE with the subject, or FAILED with the reason (then rethrows). */
    private CertificateInfo decide(Session session, String target, String before, String comment,
                                   java.util.function.Supplier<CertificateInfo> action, String verb) {
        Actor a = session.actor();
        CertificateInfo info;
        try {
            info = action.get();
        } catch (RuntimeException e) {
            accounts.audit().append(a.user(), a.role(), AuditAction.CERTIFICATE_TRUST, AuditOutcome.FAILED, target, before,
                    null, join(comment, e.getMessage()));
            throw e;
        }
        audit(session, target, before, verb + info.subject(), comment);
        return info;
    }

    private void audit(Session session, String target, String before, String after, String comment) {
        accounts.audit().record(session.actor(), AuditAction.CERTIFICATE_TRUST, target, before, after, comment);
    }

    private static String join(String comment, String detail) {
        return comment == null || comment.isBlank() ? detail : comment + " (" + detail + ")";
    }
}
