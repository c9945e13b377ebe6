package com.vigil.sim.server;

import java.nio.file.Path;

/**
 * Security of the demo plant server. The endpoint with SecurityPolicy None is always offered; with
 * {@code signAndEncrypt} a Basic256Sha256/SignAndEncrypt endpoint is added.
 *
 * @param signAndEncrypt  also offer Basic256Sha256 + SignAndEncrypt
 * @param pkiDir          where the server's application certificate (created on first start, then kept:
 *                        {@code server-keystore.pfx}) and its trust list ({@code pki/trusted/certs},
 *                        {@code pki/rejected}) live; null = a new temporary directory
 * @param trustAllClients accept every client certificate (demo/test convenience)
 * @param trustDir        directory of trusted client certificates (DER), instead of {@code pki/trusted/certs}
 * @param anonymous       allow anonymous sessions
 * @param user            user name accepted with {@code password} (null = no user/password identity)
 * @param password        the password
 */
public record ServerSecurity(boolean signAndEncrypt, Path pkiDir, boolean trustAllClients, Path trustDir,
                             boolean anonymous, String user, String password) {

    /** SecurityPolicy None, anonymous only (the default; no certificate needed). */
    public static final ServerSecurity NONE = new ServerSecurity(false, null, false, null, true, null, null);

    public boolean needsPki() {
        return signAndEncrypt || user != null;
    }

    public ServerSecurity withUser(String u, String p) {
        return new ServerSecurity(signAndEncrypt, pkiDir, trustAllClients, trustDir, anonymous, u, p);
    }

    /** None + Basic256Sha256/SignAndEncrypt, certificate in {@code pki}, client certificates per {@code trustAll}. */
    public static ServerSecurity signAndEncrypt(Path pki, boolean trustAll) {
        return new ServerSecurity(true, pki, trustAll, null, true, null, null);
    }
}
