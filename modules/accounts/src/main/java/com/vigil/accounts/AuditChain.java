package com.vigil.accounts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical form and hash of audit entries (see docs/decisions/0005-audit-hash-chain.md).
 *
 * <p>Canonical form: the fields below in this fixed order, each written as a 4-byte big-endian signed length
 * followed by that many bytes of UTF-8; a null field is written as length -1 with no bytes (so null and "" differ).
 * <ol>
 *   <li>the format tag {@code "vigil-audit-v1"}</li>
 *   <li>seq, decimal</li>
 *   <li>time, milliseconds since the epoch, decimal</li>
 *   <li>user</li><li>role</li><li>action</li><li>outcome</li><li>target</li><li>before</li><li>after</li>
 *   <li>comment</li>
 *   <li>prevHash, 64 lower-case hex digits</li>
 * </ol>
 * hash = lower-case hex of SHA-256(canonical form). The row id is not part of it.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    public static final String FORMAT = "vigil-audit-v1";

    private AuditChain() {
    }

    public static byte[] canonical(long seq, long timeMillis, String user, String role, String action, String outcome,
                                   String target, String before, String after, String comment, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, FORMAT);
        field(out, Long.toString(seq));
        field(out, Long.toString(timeMillis));
        field(out, user);
        field(out, role);
        field(out, action);
        field(out, outcome);
        field(out, target);
        field(out, before);
        field(out, after);
        field(out, comment);
        field(out, prevHash);
        return out.toByteArray();
    }

    /** The hash an entry must carry, computed from its content and its prevHash. */
    public static String hashOf(AuditEntry e) {
        return sha256Hex(canonical(e.seq(), e.time().toEpochMilli(), e.user(), e.role(), e.action(), e.outcome(),
                e.target(), e.before(), e.after(), e.comment(), e.prevHash()));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String s) {
        if (s == null) {
            writeInt(out, -1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(out, b.length);
        out.write(b, 0, b.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
