package com.vigil.accounts;

import com.vigil.model.Role;
import java.util.List;
import java.util.Locale;

/**
 * The ready-made accounts of a demo database: one per role, named {@code demo-<role>}, flagged
 * {@code demo=true}, with no password. They exist only in a database flagged as demo, and log in only there.
 */
public final class DemoAccounts {
    /** Prefix of every demo user name; reserved in real databases. */
    public static final String PREFIX = "demo-";

    private DemoAccounts() {
    }

    /** {@code demo-operator}, {@code demo-shift-leader}, … for a role. */
    public static String userName(Role role) {
        return PREFIX + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** All demo user names, in role order. */
    public static List<String> userNames() {
        return java.util.Arrays.stream(Role.values()).map(DemoAccounts::userName).toList();
    }

    public static boolean isDemoName(String userName) {
        return userName != null && userName.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    static String displayName(Role role) {
        String r = role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return "Demo " + r + " (演示)";
    }
}
