package com.vigil.opcua.pki;

import java.time.Instant;

/**
 * A certificate as the trust list shows it.
 *
 * @param thumbprint SHA-1 of the DER encoding, upper-case hex without separators (as UaExpert shows it)
 * @param subject    subject distinguished name
 * @param applicationUri the URI in the subject alternative name, or empty
 * @param notBefore  start of validity
 * @param notAfter   end of validity
 * @param trusted    true when in pki/trusted, false when in pki/rejected
 */
public record CertificateInfo(String thumbprint, String subject, String applicationUri, Instant notBefore,
                              Instant notAfter, boolean trusted) {
    public boolean isValidAt(Instant t) {
        return !t.isBefore(notBefore) && !t.isAfter(notAfter);
    }
}
