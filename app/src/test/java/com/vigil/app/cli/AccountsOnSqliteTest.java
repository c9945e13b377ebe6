package com.vigil.app.cli;

import com.vigil.app.runtime.AccountsWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditAction;
import com.vigil.accounts.AuditTrail;
import com.vigil.accounts.LoginResult;
import com.vigil.accounts.PasswordHasher;
import com.vigil.accounts.Session;
import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.persistence.db.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Accounts and the audit chain on a real SQLite file, through the CLI commands. */
class AccountsOnSqliteTest {
    private static final AccountPolicy FAST = AccountPolicy.defaults().withHashing(new PasswordHasher.Params(1024, 1, 1));
    private static final String ADMIN_PW = "Kn0wn-Secret-Pa55word";
    private static final String NEW_PW = "An0ther-Kn0wn-Secret";

    @TempDir
    static Path dir;
    static Path intact;

    /** One database with 20 audit entries: admin, users, log-ins, engine results, changes of each kind. */
    @BeforeAll
    static void makeDatabase() {
        intact = dir.resolve("intact.db");
        try (Database db = Database.open(intact)) {
            AccountsWiring.Accounts a = AccountsWiring.open(db, Clock.systemUTC(), FAST);
            AccountService s = a.service();
            Session admin = s.createFirstAdmin("admin", "管理员", ADMIN_PW.toCharArray());
            s.createUser(admin, "op1", "", Role.OPERATOR, "Operator-Pass-1".toCharArray());
            Actor op = new Actor("op1", Role.OPERATOR);
            AuditTrail t = a.audit();
            t.alarmAction(op, "ACK", "RX.R201.TT:H", true, "UNACK", "ACKED", "MARKER-0005", null);
            t.alarmAction(op, "SHELVE", "RX.R201.TT:HH", false, "UNACK", "UNACK", "", "OPERATOR may not shelve GRADE_1");
            t.record(new Actor("eng", Role.ENGINEER), AuditAction.LIMIT_CHANGE, "RX.R201.TT", "HH=180", "HH=175", "MOC-7");
            t.record(new Actor("eng", Role.ENGINEER), AuditAction.OPCUA_WRITE, "ns=2;s=P101.SP", "12.0", "11.5", null);
            t.record(new Actor("eng", Role.ENGINEER), AuditAction.CERTIFICATE_TRUST, "sha1:ab12", "untrusted", "trusted", null);
            t.record(op, AuditAction.TICKET_TRANSITION, "HZ-2026-0001", "OPEN", "RECTIFYING", "五定 done");
            for (int i = 0; i < 20 && t.count() < 20; i++) {
                s.login("op1", (i % 2 == 0 ? "Operator-Pass-1" : "wrong-password-x").toCharArray());
            }
            assertEquals(20, t.count());
        }
    }

    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(intact, p, StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    private static void sql(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            // someone with file access: the append-only triggers do not stop them
            st.execute("DROP TRIGGER audit_log_no_update");
            st.execute("DROP TRIGGER audit_log_no_delete");
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run audit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AuditCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    @Test
    void intactDatabaseVerifies() {
        Run r = audit("verify", "--db", intact.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("OK 20 entries", r.out());
    }

    @Test
    void oneChangedByteIsFoundAtItsEntry() throws Exception {
        Path db = copy("byte.db");
        sql(db, "UPDATE audit_log SET comment = 'MARKER-0006' WHERE seq = 5");
        Run r = audit("verify", "--db", db.toString());
        assertEquals(1, r.code());
        assertEquals("TAMPERED at entry 5 (id 5): content hash mismatch", r.out());
    }

    @Test
    void oneByteFlippedInTheFileItselfIsFound() throws Exception {
        // entry 4 is the acknowledgement with comment MARKER-0005
        Path db = copy("raw.db");
        byte[] bytes = Files.readAllBytes(db);
        byte[] marker = "MARKER-0005".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, marker);
        assertTrue(at > 0, "the marker is in the file");
        bytes[at + marker.length - 1] = '9';
        Files.write(db, bytes);
        Run r = audit("verify", "--db", db.toString());
        assertEquals(1, r.code());
        assertEquals("TAMPERED at entry 4 (id 4): content hash mismatch", r.out());
    }

    @Test
    void deletedEntryIsFound() throws Exception {
        Path db = copy("deleted.db");
        sql(db, "DELETE FROM audit_log WHERE seq = 8");
        Run r = audit("verify", "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("TAMPERED at entry 8 (id -): missing entry"), r.out());
    }

    @Test
    void swappedSequenceNumbersAreFound() throws Exception {
        Path db = copy("swapseq.db");
        sql(db, "UPDATE audit_log SET seq = -1 WHERE seq = 11", "UPDATE audit_log SET seq = 11 WHERE seq = 12",
                "UPDATE audit_log SET seq = 12 WHERE seq = -1");
        Run r = audit("verify", "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("TAMPERED at entry 11 (id 12): order"), r.out());
    }

    @Test
    void swappedContentsAreFound() throws Exception {
        Path db = copy("swaprows.db");
        String cols = "time_ms, user_name, user_role, action, outcome, target, before_value, after_value, comment, "
                + "prev_hash, hash";
        sql(db, "CREATE TABLE t AS SELECT seq, " + cols + " FROM audit_log WHERE seq IN (14, 15)",
                "UPDATE audit_log SET (" + cols + ") = (SELECT " + cols + " FROM t WHERE t.seq = 29 - audit_log.seq) "
                        + "WHERE seq IN (14, 15)");
        Run r = audit("verify", "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("TAMPERED at entry 14 (id 14): order"), r.out());
    }

    @Test
    void headAnchorsTheChain() throws Exception {
        Run head = audit("head", "--db", intact.toString());
        assertEquals(0, head.code());
        assertTrue(head.out().matches("20:[0-9a-f]{64}"), head.out());
        assertEquals(0, audit("verify", "--db", intact.toString(), "--anchor", head.out()).code());
        Path db = copy("cut.db");
        sql(db, "DELETE FROM audit_log WHERE seq >= 19");
        assertEquals("OK 18 entries", audit("verify", "--db", db.toString()).out());
        Run r = audit("verify", "--db", db.toString(), "--anchor", head.out());
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("TAMPERED at entry 20 (id -): missing entry"), r.out());
    }

    @Test
    void missingDatabaseIsAClearError() {
        Run r = audit("verify", "--db", dir.resolve("nope.db").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no database at"), r.err());
        assertFalse(Files.exists(dir.resolve("nope.db")), "verify does not create a database");
    }

    @Test
    void exportNeedsAnAllowedUser() throws Exception {
        Path db = copy("export.db");
        Path csv = dir.resolve("audit.csv");
        CommandLine cl = new CommandLine(new AuditCommand());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        AuditCommand.Export export = cl.getSubcommands().get("export").getCommand();
        export.passwords = prompt -> ADMIN_PW.toCharArray();
        assertEquals(0, cl.execute("export", "--db", db.toString(), "--user", "admin", "--out", csv.toString(),
                "--action", "LIMIT_CHANGE,OPCUA_WRITE"));
        assertEquals(3, Files.readAllLines(csv).size());
        export.passwords = prompt -> "Operator-Pass-1".toCharArray();
        assertEquals(1, cl.execute("export", "--db", db.toString(), "--user", "op1", "--out", csv.toString()));
        assertFalse(Files.exists(csv));
        assertEquals(0, audit("verify", "--db", db.toString()).code(), "export and refusal were chained in");
    }

    @Test
    void noPasswordInTheDatabaseFileOrTheLogs() throws Exception {
        Path file = dir.resolve("secrets.db");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder jul = new StringBuilder();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                jul.append(r.getLoggerName()).append(' ').append(r.getMessage()).append(' ')
                        .append(java.util.Arrays.toString(r.getParameters())).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Logger vigil = Logger.getLogger("com.vigil");
        Level old = vigil.getLevel();
        PrintStream out = System.out;
        PrintStream err = System.err;
        String hash;
        root.addHandler(h);
        vigil.setLevel(Level.ALL);
        try {
            PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(p);
            System.setErr(p);
            try (Database db = Database.open(file)) {
                AccountService s = AccountsWiring.open(db, Clock.systemUTC(), FAST).service();
                Session admin = s.createFirstAdmin("admin", "", ADMIN_PW.toCharArray());
                LoginResult bad = s.login("admin", (ADMIN_PW + "x").toCharArray());
                assertFalse(bad.ok());
                assertTrue(s.login("admin", ADMIN_PW.toCharArray()).ok());
                s.changePassword(admin, ADMIN_PW.toCharArray(), NEW_PW.toCharArray());
                s.login(ADMIN_PW, NEW_PW.toCharArray()); // a password typed into the user field: not recorded as such
                s.createUser(admin, "op1", "", Role.OPERATOR, (NEW_PW + "1").toCharArray());
                s.resetPassword(admin, "op1", (NEW_PW + "2").toCharArray(), "forgot");
                for (int i = 0; i < 6; i++) {
                    s.login("op1", ("wrong" + ADMIN_PW).toCharArray());
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT password_hash FROM user_account WHERE user_name = 'admin'")) {
                rs.next();
                hash = rs.getString(1);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(h);
            vigil.setLevel(old);
        }
        assertTrue(hash.startsWith("$argon2id$"), "the hash is stored, with its parameters");
        String logs = captured.toString(StandardCharsets.UTF_8) + jul;
        assertTrue(logs.contains("locked"), "the capture works: " + logs);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        byte[] db = Files.exists(wal) ? concat(Files.readAllBytes(file), Files.readAllBytes(wal)) : Files.readAllBytes(file);
        for (String secret : new String[] {NEW_PW, NEW_PW + "1", NEW_PW + "2"}) {
            assertEquals(-1, indexOf(db, secret.getBytes(StandardCharsets.UTF_8)), "password in the database file");
            assertEquals(-1, indexOf(db, secret.getBytes(StandardCharsets.UTF_16LE)), "password in the database file");
            assertFalse(logs.contains(secret), "password in the log output");
        }
        assertFalse(logs.contains(ADMIN_PW), "password in the log output");
        assertEquals(-1, indexOf(db, ADMIN_PW.getBytes(StandardCharsets.UTF_8)), "password in the database file");
        assertFalse(logs.contains(hash), "hash in the log output");
        assertFalse(logs.contains("$argon2id$"), "no hash of any kind in the log output");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
