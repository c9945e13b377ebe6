package com.vigil.opcua;

/**
 * The user Vigil logs in as: anonymous when {@code user} is null, otherwise user name and password.
 * The password is never shown by {@link #toString()}.
 */
public record Identity(String user, String password) {
    public static final Identity ANONYMOUS = new Identity(null, null);

    public static Identity user(String user, String password) {
        return new Identity(user, password == null ? "" : password);
    }

    public boolean anonymous() {
        return user == null || user.isEmpty();
    }

    @Override
    public String toString() {
        return anonymous() ? "anonymous" : "user " + user;
    }
}
