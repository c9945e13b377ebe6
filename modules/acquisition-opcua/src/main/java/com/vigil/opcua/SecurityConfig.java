package com.vigil.opcua;

import java.util.Locale;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * How to secure the connection.
 *
 * @param mode   none, sign, or sign-and-encrypt
 * @param policy the security policy, or {@code null} for the strongest the server offers in that mode
 *               (Aes256_Sha256_RsaPss, Basic256Sha256, Aes128_Sha256_RsaOaep, in that order)
 */
public record SecurityConfig(Mode mode, SecurityPolicy policy) {
    public enum Mode {
        NONE(MessageSecurityMode.None), SIGN(MessageSecurityMode.Sign), ENCRYPT(MessageSecurityMode.SignAndEncrypt);

        private final MessageSecurityMode milo;

        Mode(MessageSecurityMode milo) {
            this.milo = milo;
        }

        public MessageSecurityMode milo() {
            return milo;
        }

        /** {@code none}, {@code sign}, {@code encrypt} (also {@code signandencrypt}). */
        public static Mode parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
                case "none" -> NONE;
                case "sign" -> SIGN;
                case "encrypt", "signandencrypt" -> ENCRYPT;
                default -> throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                        "unknown security mode '" + s + "': use none, sign or encrypt");
            };
        }
    }

    /** Policies Vigil accepts, strongest first. */
    public static final java.util.List<SecurityPolicy> SUPPORTED = java.util.List.of(
            SecurityPolicy.Aes256_Sha256_RsaPss, SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep);

    public static final SecurityConfig NONE = new SecurityConfig(Mode.NONE, SecurityPolicy.None);

    public SecurityConfig {
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        if (mode == Mode.NONE) {
            policy = SecurityPolicy.None;
        } else if (policy == SecurityPolicy.None) {
            throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                    "security mode " + mode + " needs a security policy other than None");
        } else if (policy != null && !SUPPORTED.contains(policy)) {
            throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                    "security policy " + policy.name() + " is deprecated and not accepted by Vigil; use one of "
                            + SUPPORTED.stream().map(SecurityPolicy::name).toList());
        }
    }

    public static SecurityConfig of(Mode mode, String policyName) {
        return new SecurityConfig(mode, policyName == null || policyName.isBlank() ? null : parsePolicy(policyName));
    }

    /** A policy by name ({@code Basic256Sha256}) or URI. */
    public static SecurityPolicy parsePolicy(String name) {
        for (SecurityPolicy p : SecurityPolicy.values()) {
            if (p.name().equalsIgnoreCase(name.trim()) || p.getUri().equals(name.trim())) {
                return p;
            }
        }
        throw new AcquisitionException(AcquisitionException.Reason.CONFIGURATION,
                "unknown security policy '" + name + "': use None, " + SUPPORTED.stream().map(SecurityPolicy::name).toList());
    }

    @Override
    public String toString() {
        return mode == Mode.NONE ? "None" : (policy == null ? "best" : policy.name()) + "/" + mode.milo().name();
    }
}
