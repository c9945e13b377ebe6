package com.vigil.accounts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing with BouncyCastle's {@link Argon2BytesGenerator} (no hand-written crypto).
 * The result is a PHC string that carries its parameters and salt:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt base64>$<hash base64>} (base64 without padding), so the
 * parameters can be raised later and old hashes still verify ({@link #needsRehash}). Comparison is
 * constant-time ({@link MessageDigest#isEqual}). Neither passwords nor hashes are ever logged.
 */
public final class PasswordHasher {
    /**
     * Argon2id cost parameters.
     *
     * @param memoryKiB   memory in KiB (≥ 8 × parallelism)
     * @param iterations  passes over memory (≥ 1)
     * @param parallelism lanes (≥ 1)
     */
    public record Params(int memoryKiB, int iterations, int parallelism) {
        /** OWASP's recommendation for Argon2id: 19 MiB, 2 iterations, 1 lane. */
        public static final Params DEFAULT = new Params(19_456, 2, 1);

        public Params {
            if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
                throw new IllegalArgumentException("invalid Argon2 parameters m=" + memoryKiB + " t=" + iterations
                        + " p=" + parallelism);
            }
        }
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Params params;
    private final SecureRandom random;
    private final String dummyHash;

    public PasswordHasher(Params params) {
        this(params, new SecureRandom());
    }

    PasswordHasher(Params params, SecureRandom random) {
        this.params = params;
        this.random = random;
        this.dummyHash = hash("dummy password for unknown users".toCharArray());
    }

    public Params params() {
        return params;
    }

    /** Hashes a password with a fresh random salt. The caller should clear {@code password} afterwards. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, params, HASH_BYTES);
        try {
            return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p="
                    + params.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    /** True when {@code password} matches {@code phc}; false for a wrong password or a malformed/absent hash. */
    public boolean verify(char[] password, String phc) {
        Parsed p = parse(phc);
        if (p == null) {
            derive(password, new byte[SALT_BYTES], params, HASH_BYTES); // same cost either way
            return false;
        }
        byte[] actual = derive(password, p.salt, p.params, p.hash.length);
        try {
            return MessageDigest.isEqual(actual, p.hash);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    /** Spends the same time as a real verification (for unknown users, so timing tells nothing). */
    public void verifyDummy(char[] password) {
        verify(password, dummyHash);
    }

    /** True when {@code phc} was made with other parameters than this hasher's (re-hash at the next log-in). */
    public boolean needsRehash(String phc) {
        Parsed p = parse(phc);
        return p == null || !p.params.equals(params) || p.hash.length != HASH_BYTES;
    }

    private record Parsed(Params params, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String phc) {
        if (phc == null) {
            return null;
        }
        String[] parts = phc.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return null;
        }
        try {
            int m = -1;
            int t = -1;
            int par = -1;
            for (String kv : parts[3].split(",")) {
                String[] e = kv.split("=", 2);
                if (e.length != 2) {
                    return null;
                }
                int v = Integer.parseInt(e[1]);
                switch (e[0]) {
                    case "m" -> m = v;
                    case "t" -> t = v;
                    case "p" -> par = v;
                    default -> {
                        return null;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] hash = B64D.decode(parts[5]);
            if (salt.length < 8 || hash.length < 16 || m > 4_194_304 || t > 100 || par > 64) {
                return null;
            }
            return new Parsed(new Params(m, t, par), salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, Params p, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(parameters);
        byte[] pw = utf8(password);
        byte[] out = new byte[length];
        try {
            gen.generateBytes(pw, out);
            return out;
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }
}
