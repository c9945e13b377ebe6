package com.vigil.app.cli;

import com.vigil.app.runtime.AccountsWiring;
import com.vigil.accounts.AccessDeniedException;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.AuditTrail;
import com.vigil.accounts.VerifyResult;
import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil audit}: verify the hash chain, print the head hash for anchoring, export entries as CSV. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The tamper-evident audit trail: verify, head, export.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class, AuditCommand.Export.class})
public final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code vigil audit verify [--db FILE] [--anchor SEQ:HASH]}: exit 0 intact, 1 tampered, 2 cannot check. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the hash chain. Prints 'OK <n> entries' (exit 0) or 'TAMPERED at entry <seq> (id …): "
                    + "<content hash mismatch|link mismatch|missing entry|order>' (exit 1).")
    public static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;
        @Option(names = "--anchor", paramLabel = "SEQ:HASH",
                description = "A head printed earlier by 'vigil audit head': entry SEQ must still have HASH "
                        + "(detects a rewritten chain or a cut-off tail).")
        String anchor;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long anchorSeq = 0;
            String anchorHash = null;
            if (anchor != null) {
                String[] p = anchor.split(":", 2);
                try {
                    anchorSeq = Long.parseLong(p[0].strip());
                    anchorHash = p.length == 2 ? p[1].strip() : null;
                } catch (NumberFormatException e) {
                    anchorHash = null;
                }
                if (anchorHash == null || !anchorHash.matches("[0-9a-fA-F]{64}")) {
                    err.println("vigil audit verify: --anchor must be SEQ:HASH as printed by 'vigil audit head'");
                    return 2;
                }
            }
            Path file = db.existing(err, "audit verify");
            if (file == null) {
                return 2;
            }
            try (Database d = Database.open(file)) {
                VerifyResult r = AccountsWiring.auditTrail(d, Clock.systemUTC()).verify(anchorSeq, anchorHash);
                out.println(r.message());
                return r.ok() ? 0 : 1;
            } catch (DatabaseException e) {
                err.println("vigil audit verify: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code vigil audit head [--db FILE]}: prints {@code <seq>:<hash>} of the newest entry. */
    @Command(name = "head", mixinStandardHelpOptions = true,
            description = "Print '<seq>:<hash>' of the newest entry. Keep it elsewhere (paper, another machine) and "
                    + "later check with 'vigil audit verify --anchor <seq>:<hash>'.")
    public static final class Head implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;

        @Override
        public Integer call() {
            Path file = db.existing(spec.commandLine().getErr(), "audit head");
            if (file == null) {
                return 2;
            }
            try (Database d = Database.open(file)) {
                AuditTrail trail = AccountsWiring.auditTrail(d, Clock.systemUTC());
                java.util.Optional<AuditEntry> head = trail.head();
                spec.commandLine().getOut().println(head.map(h -> h.seq() + ":" + h.hash())
                        .orElse("0:" + com.vigil.accounts.AuditChain.GENESIS));
                return 0;
            } catch (DatabaseException e) {
                spec.commandLine().getErr().println("vigil audit head: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code vigil audit export}: CSV of the entries matching the filters; needs a user allowed to export. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export audit entries as CSV. Log in as a user allowed to export (safety manager, admin); "
                    + "the password is asked for (or read from standard input).")
    public static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db;
        @Option(names = "--user", required = true, description = "Who exports (is logged in and audited).")
        String user;
        @Option(names = "--out", required = true, description = "CSV file to write.")
        Path out;
        @Option(names = "--from", description = "Entries at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z).")
        String from;
        @Option(names = "--to", description = "Entries before this instant (ISO-8601).")
        String to;
        @Option(names = "--by", description = "Only entries of this user.")
        String by;
        @Option(names = "--action", split = ",", description = "Only these actions (e.g. LOGIN_FAILED,ALARM_SHELVE).")
        List<String> actions;

        PasswordReader passwords = PasswordReader.SYSTEM;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            AuditFilter filter;
            try {
                filter = new AuditFilter(from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to),
                        by, actions == null ? Set.of() : Set.copyOf(actions));
            } catch (DateTimeParseException e) {
                err.println("vigil audit export: --from/--to must be ISO-8601 instants like 2026-11-01T00:00:00Z");
                return 2;
            }
            Path file = db.existing(err, "audit export");
            if (file == null) {
                return 2;
            }
            try (SignIn in = SignIn.as(user, file, null, passwords, "exporting the audit trail")) {
                long n;
                try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    n = in.accounts().exportAudit(in.session(), filter, w);
                } catch (AccessDeniedException e) {
                    Files.deleteIfExists(out);
                    err.println("vigil audit export: " + e.getMessage());
                    return 1;
                }
                spec.commandLine().getOut().println("exported " + n + " entries to " + out);
                return 0;
            } catch (SignIn.Failure e) {
                err.println("vigil audit export: " + e.getMessage());
                return 1;
            } catch (DatabaseException e) {
                err.println("vigil audit export: " + e.getMessage());
                return 2;
            }
        }
    }

}
