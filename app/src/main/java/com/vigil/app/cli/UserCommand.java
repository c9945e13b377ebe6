package com.vigil.app.cli;

import com.vigil.app.runtime.AccountsWiring;
import com.vigil.accounts.AccountException;
import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.Session;
import com.vigil.accounts.UserInfo;
import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil user}: first administrator and the list of accounts (no user-management screen exists yet). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Local accounts: create-admin, list.",
        subcommands = {UserCommand.CreateAdmin.class, UserCommand.ListUsers.class})
public final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code vigil user create-admin --name NAME}: the first administrator; asks for the password twice. */
    @Command(name = "create-admin", mixinStandardHelpOptions = true,
            description = "Create the first administrator (only while the database has no real account). "
                    + "There is no default password: you choose it (at least 10 characters, not the user name).")
    public static final class CreateAdmin implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;
        @Option(names = "--name", required = true, description = "User name of the administrator.")
        String name;
        @Option(names = "--display-name", description = "Name shown in the console.")
        String displayName;

        PasswordReader passwords = PasswordReader.SYSTEM;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path file = db.file();
            try (Database d = Database.open(file)) {
                AccountService accounts = AccountsWiring.open(d, Clock.systemUTC(), AccountPolicy.defaults()).service();
                if (!accounts.needsFirstAdmin()) {
                    err.println("vigil user create-admin: an administrator already exists in " + file
                            + "; log in to the console to manage users");
                    return 1;
                }
                char[] a = passwords.read("New password for " + name + ": ");
                char[] b = passwords.read("Repeat the password: ");
                try {
                    if (!Arrays.equals(a, b)) {
                        err.println("vigil user create-admin: the two passwords differ");
                        return 1;
                    }
                    Session s = accounts.createFirstAdmin(name, displayName, a);
                    accounts.logout(s);
                } catch (AccountException e) {
                    err.println("vigil user create-admin: " + e.getMessage());
                    return 1;
                } finally {
                    Arrays.fill(a, '\0');
                    Arrays.fill(b, '\0');
                }
                spec.commandLine().getOut().println("administrator " + name + " created in " + file);
                return 0;
            } catch (DatabaseException e) {
                err.println("vigil user create-admin: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code vigil user list}: accounts with role and flags (no secrets). */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts (demo ones marked DEMO).")
    public static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            Path file = db.existing(spec.commandLine().getErr(), "user list");
            if (file == null) {
                return 2;
            }
            try (Database d = Database.open(file)) {
                AccountService accounts = AccountsWiring.open(d, Clock.systemUTC(), AccountPolicy.defaults()).service();
                PrintWriter out = spec.commandLine().getOut();
                if (accounts.isDemoDatabase()) {
                    out.println("(demo database)");
                }
                java.time.Instant now = java.time.Instant.now();
                for (UserInfo u : accounts.users()) {
                    out.printf("%-24s %-15s%s%s%s%n", u.userName(), u.role(), u.demo() ? " DEMO" : "",
                            u.enabled() ? "" : " disabled", u.lockedAt(now) ? " locked until " + u.lockedUntil() : "");
                }
                return 0;
            } catch (DatabaseException e) {
                spec.commandLine().getErr().println("vigil user list: " + e.getMessage());
                return 2;
            }
        }
    }
}
