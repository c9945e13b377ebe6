package com.vigil.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.PasswordHasher;
import com.vigil.accounts.Session;
import com.vigil.app.runtime.AccountsWiring;
import com.vigil.model.Role;
import com.vigil.persistence.db.Database;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.sim.server.DemoPlantServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vigil probe write} against the real demo plant server over OPC UA: a protected action — the Vigil
 * account is signed in, its role checked before anything reaches the server, and every attempt (refused,
 * failed at the server, done) recorded in the audit trail of the SQLite database.
 */
class ProbeProtectedActionsIT {
    static final AccountPolicy FAST = AccountPolicy.defaults().withHashing(new PasswordHasher.Params(1024, 1, 1));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int probe(String password, String... args) {
        CommandLine cl = new CommandLine(new ProbeCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ProbeCommand p = cl.getCommand();
        p.passwords = prompt -> password.toCharArray();
        return cl.execute(args);
    }

    private List<AuditEntry> audit(Path db, String action) {
        try (Database d = Database.open(db)) {
            return AccountsWiring.auditTrail(d, Clock.systemUTC()).find(AuditFilter.ALL, 1000).stream()
                    .filter(e -> e.action().equals(action)).toList();
        }
    }

    @Test
    void writesAreSignedInCheckedAndAudited() throws Exception {
        Path db = dir.resolve("vigil.db");
        try (Database d = Database.open(db)) {
            AccountService s = AccountsWiring.open(d, Clock.systemUTC(), FAST).service();
            Session admin = s.createFirstAdmin("admin", "Admin", "Admin-Pass-123".toCharArray());
            s.createUser(admin, "op1", "Operator", Role.OPERATOR, "Operator-Pass-1".toCharArray());
            s.createUser(admin, "eng1", "Engineer", Role.ENGINEER, "Engineer-Pass-1".toCharArray());
        }
        try (DemoPlantServer server = new DemoPlantServer(PlantFiles.demo(), "127.0.0.1", 0, 7L, 1.0, 200)) {
            server.start();
            String url = server.endpointUrl();
            String node = "ns=2;s=RX.R201.TT";

            // without an account: refused before connecting, says what to give
            assertEquals(2, probe("", "--endpoint", url, "write", node, "100"));
            assertTrue(err.toString().contains("writing to the plant is a protected action: give your Vigil account with --as USER"),
                    err.toString());

            // wrong password: no session
            assertEquals(2, probe("wrong", "--endpoint", url, "--as", "eng1", "--db", db.toString(), "write", node, "100"));
            assertTrue(err.toString().contains("log-in as eng1 failed"), err.toString());

            // an operator may not write: refused and audited, nothing sent
            assertEquals(3, probe("Operator-Pass-1", "--endpoint", url, "--as", "op1", "--db", db.toString(),
                    "--comment", "try", "write", node, "100"));
            assertTrue(err.toString().contains("refused"), err.toString());
            List<AuditEntry> writes = audit(db, "OPCUA_WRITE");
            assertEquals(1, writes.size(), writes.toString());
            assertEquals("op1", writes.get(0).user());
            assertEquals("REFUSED", writes.get(0).outcome());
            assertEquals(node, writes.get(0).target());

            // an engineer may: the request reaches the server, which refuses a measured value (read-only for users);
            // the failure is audited with the value before and the server's status
            assertEquals(1, probe("Engineer-Pass-1", "--endpoint", url, "--as", "eng1", "--db", db.toString(),
                    "--comment", "loop check", "write", node, "100"));
            assertTrue(out.toString().contains("FAILED Bad_UserAccessDenied"), out.toString());
            writes = audit(db, "OPCUA_WRITE");
            assertEquals(2, writes.size(), writes.toString());
            AuditEntry e = writes.get(1);
            assertEquals("eng1", e.user());
            assertEquals("ENGINEER", e.role());
            assertEquals("FAILED", e.outcome());
            assertTrue(e.before() != null && !e.before().isBlank(), "value before the write: " + e);
            assertTrue(e.comment().startsWith("loop check (requested 100, status Bad_UserAccessDenied"), e.comment());
        }
    }

    @Test
    void certificateDecisionsNeedTheRoleAndAreAudited() throws Exception {
        Path db = dir.resolve("vigil.db");
        try (Database d = Database.open(db)) {
            AccountService s = AccountsWiring.open(d, Clock.systemUTC(), FAST).service();
            Session admin = s.createFirstAdmin("admin", "Admin", "Admin-Pass-123".toCharArray());
            s.createUser(admin, "op1", "Operator", Role.OPERATOR, "Operator-Pass-1".toCharArray());
        }
        Path pki = dir.resolve("pki");
        assertEquals(3, probe("Operator-Pass-1", "--pki", pki.toString(), "--as", "op1", "--db", db.toString(),
                "certs", "--trust-thumbprint", "0123456789abcdef0123456789abcdef01234567"));
        List<AuditEntry> trust = audit(db, "CERTIFICATE_TRUST");
        assertEquals(1, trust.size(), trust.toString());
        assertEquals("REFUSED", trust.get(0).outcome());
        assertEquals("certificate 0123456789abcdef0123456789abcdef01234567", trust.get(0).target());
        // the administrator may decide; an unknown thumbprint is a clear error after the permission check
        assertEquals(2, probe("Admin-Pass-123", "--pki", pki.toString(), "--as", "admin", "--db", db.toString(),
                "certs", "--trust-thumbprint", "0123456789abcdef0123456789abcdef01234567"));
        assertTrue(err.toString().toLowerCase(java.util.Locale.ROOT).contains("no certificate with thumbprint "
                + "0123456789abcdef0123456789abcdef01234567"), err.toString());
        trust = audit(db, "CERTIFICATE_TRUST");
        assertEquals(2, trust.size(), "the failed decision is audited too: " + trust);
        assertEquals("admin", trust.get(1).user());
        assertEquals("FAILED", trust.get(1).outcome());
        assertEquals("unknown", trust.get(1).before());
    }
}
