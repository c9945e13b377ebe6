package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.PasswordHasher;
import com.vigil.accounts.Session;
import com.vigil.app.cli.ModelsCommandAccess;
import com.vigil.app.runtime.AccountsWiring;
import com.vigil.model.Role;
import com.vigil.persistence.db.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil models train|list} on a recorded file of the demo plant: replacing the models is a configuration
 * change (engineer or administrator, audited); bad input names file, line and field.
 */
class ModelsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void accounts() {
        db = dir.resolve("vigil.db");
        try (Database d = Database.open(db)) {
            AccountService s = AccountsWiring.open(d, Clock.systemUTC(),
                    AccountPolicy.defaults().withHashing(new PasswordHasher.Params(1024, 1, 1))).service();
            Session admin = s.createFirstAdmin("admin", "Admin", "Admin-Pass-123".toCharArray());
            s.createUser(admin, "eng1", "Engineer", Role.ENGINEER, "Engineer-Pass-1".toCharArray());
            s.createUser(admin, "op1", "Operator", Role.OPERATOR, "Operator-Pass-1".toCharArray());
        }
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int models(String password, String... args) {
        return ModelsCommandAccess.run(new PrintWriter(out, true), new PrintWriter(err, true), password, args);
    }

    private List<AuditEntry> configChanges() {
        try (Database d = Database.open(db)) {
            return AccountsWiring.auditTrail(d, Clock.systemUTC()).find(AuditFilter.ALL, 1000).stream()
                    .filter(e -> e.action().equals("CONFIG_CHANGE")).toList();
        }
    }

    @Test
    void anEngineerTrainsOnARecordingSavesListsAndIsAudited() throws Exception {
        Path rec = dir.resolve("normal.csv");
        assertEquals(0, run("sim", "--headless", "--duration", "1h", "--sample", "5", "--out", rec.toString(),
                "--truth", dir.resolve("truth.csv").toString()), err.toString());
        Path models = dir.resolve("models");

        assertEquals(3, models("Operator-Pass-1", "train", "--data", rec.toString(), "--out", models.toString(),
                "--as", "op1", "--db", db.toString()));
        assertTrue(err.toString().contains("refused"), err.toString());
        assertTrue(Files.notExists(models), "an operator's attempt saves nothing");
        assertEquals(1, configChanges().size(), "the refusal is audited");

        Files.createDirectories(models);
        Files.writeString(models.resolve("RX.R999.model"), "an older model of equipment since removed\n");
        assertEquals(0, models("Engineer-Pass-1", "train", "--data", rec.toString(), "--out", models.toString(),
                "--as", "eng1", "--db", db.toString(), "--comment", "after turnaround"), err.toString());
        assertTrue(out.toString().contains("asset models to " + models), out.toString());
        long files;
        try (var s = Files.list(models)) {
            files = s.filter(p -> p.toString().endsWith(".model")).count();
        }
        assertTrue(files >= 30, "one model per asset: " + files);
        assertTrue(Files.exists(models.resolve("RX.R201.model")));

        List<AuditEntry> changes = configChanges();
        assertEquals(2, changes.size(), changes.toString());
        assertEquals("REFUSED", changes.get(0).outcome());
        AuditEntry done = changes.get(1);
        assertEquals("eng1", done.user());
        assertEquals("DONE", done.outcome());
        assertEquals("early-warning models " + models, done.target());
        assertEquals("0 asset models", done.before());
        assertTrue(done.after().startsWith(files + " asset models trained on " + rec), done.after());
        assertTrue(done.after().endsWith("; removed RX.R999"), "the set is replaced, not merged: " + done.after());
        assertTrue(Files.notExists(models.resolve("RX.R999.model")));
        assertEquals("after turnaround", done.comment());

        out.getBuffer().setLength(0);
        assertEquals(0, run("models", "list", "--dir", models.toString()));
        assertTrue(out.toString().startsWith(files + " asset models in " + models), out.toString());
        assertTrue(out.toString().contains("RX.R201.TT"), out.toString());
    }

    @Test
    void withoutAnAccountOrWithAMalformedRecordingNothingIsSaved() throws Exception {
        Path rec = dir.resolve("bad.csv");
        Files.writeString(rec, "timestamp,tag,value,quality\n2026-01-01T00:00:00Z,RX.R201.TT,151.2,GOOD\n"
                + "2026-01-01T00:00:01Z,RX.R201.TT,hot,GOOD\n");
        assertEquals(2, run("models", "train", "--data", rec.toString(), "--out", dir.resolve("m").toString()));
        assertTrue(err.toString().contains("--as"), err.toString());
        assertEquals(1, models("Engineer-Pass-1", "train", "--data", rec.toString(), "--out", dir.resolve("m").toString(),
                "--as", "eng1", "--db", db.toString()));
        assertTrue(err.toString().contains(rec + ", line 3, field value: 'hot' is not a number"), err.toString());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing saved");
    }
}
