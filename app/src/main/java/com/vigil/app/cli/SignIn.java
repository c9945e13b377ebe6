package com.vigil.app.cli;

import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.LoginResult;
import com.vigil.accounts.Session;
import com.vigil.app.runtime.AccountsWiring;
import com.vigil.app.runtime.ProtectedPlantActions;
import com.vigil.persistence.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Signs a Vigil account in for one protected command-line action ({@code --as USER}, password asked): the
 * accounts and audit trail of the database, the session whose role the services check. Closing it closes the
 * database.
 */
record SignIn(Database database, AccountService accounts, Session session) implements AutoCloseable {

    /** Why no session: the message says what to give or what went wrong. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /**
     * @param what  the action, for the message when {@code user} is missing (e.g. "writing to the plant")
     * @param dbOpt   {@code --db} (null = the data directory's database, see {@link DbOption})
     * @param dataDir the command's {@code --data-dir} (null = VIGIL_DATA_DIR or the user data directory)
     */
    static SignIn as(String user, Path dbOpt, Path dataDir, PasswordReader passwords, String what) {
        if (user == null || user.isBlank()) {
            throw new Failure(what + " is a protected action: give your Vigil account with --as USER (the password is "
                    + "asked; the action is recorded in the audit trail)");
        }
        DbOption o = new DbOption();
        o.db = dbOpt;
        Path file = o.file(dataDir);
        if (!Files.isRegularFile(file)) {
            throw new Failure("no Vigil database at " + file + " for the account " + user + " (option --db FILE)");
        }
        Database d = Database.open(file);
        try {
            AccountService accounts = AccountsWiring.open(d, Clock.systemUTC(), AccountPolicy.defaults()).service();
            char[] pw = passwords.read("Vigil password for " + user + ": ");
            LoginResult r;
            try {
                r = accounts.login(user, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            if (r.session() == null) {
                throw new Failure("log-in as " + user + " failed: " + r.message());
            }
            return new SignIn(d, accounts, r.session());
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** The plant-facing protected actions for this session. */
    ProtectedPlantActions actions() {
        return new ProtectedPlantActions(accounts);
    }

    @Override
    public void close() {
        try {
            accounts.logout(session);
        } finally {
            database.close();
        }
    }
}
