package com.vigil.accounts;

import java.util.Optional;

/**
 * What a password must be: at least {@code minLength} characters (code points), at most 256, and not the
 * user name (ignoring case and surrounding blanks).
 */
public record PasswordPolicy(int minLength) {
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(10);
    static final int MAX_LENGTH = 256;

    public PasswordPolicy {
        if (minLength < 1 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("minLength must be 1.." + MAX_LENGTH);
        }
    }

    /** Empty when acceptable; otherwise what is wrong (never containing the password). */
    public Optional<String> problem(String userName, char[] password) {
        if (password == null) {
            return Optional.of("a password is required");
        }
        String pw = new String(password);
        int length = pw.codePointCount(0, pw.length());
        if (length < minLength) {
            return Optional.of("the password must have at least " + minLength + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the password must have at most " + MAX_LENGTH + " characters");
        }
        if (userName != null && pw.strip().equalsIgnoreCase(userName.strip())) {
            return Optional.of("the password must not be the user name");
        }
        return Optional.empty();
    }
}
