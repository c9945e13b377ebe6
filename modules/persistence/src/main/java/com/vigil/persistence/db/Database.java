package com.vigil.persistence.db;

import com.vigil.persistence.accounts.MetaEntity;
import com.vigil.persistence.accounts.UserAccountEntity;
import com.vigil.persistence.audit.AuditLogEntity;
import com.vigil.persistence.journal.AlarmJournalEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.community.dialect.SQLiteDialect;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Vigil's SQLite database for entities (alarm journal, accounts, audit trail; later tickets, configuration).
 * The schema is versioned with {@code PRAGMA user_version} and migrated on open by plain SQL scripts;
 * Hibernate only validates and maps. A database written by a newer Vigil is refused, a file that is
 * not a database is reported; neither is ever deleted or overwritten.
 *
 * <p>Operator actions are committed with {@code synchronous=FULL} before the caller is told "done".
 */
public final class Database implements AutoCloseable {
    /** Schema version this code understands. */
    public static final int SCHEMA_VERSION = 4;

    private static final List<String> MIGRATION_1 = List.of(
            """
            CREATE TABLE alarm_journal (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              time_ms INTEGER NOT NULL,
              alarm_id TEXT NOT NULL,
              tag TEXT NOT NULL,
              alarm_type TEXT NOT NULL,
              priority INTEGER NOT NULL,
              area TEXT,
              from_state TEXT NOT NULL,
              to_state TEXT NOT NULL,
              event TEXT NOT NULL,
              user_name TEXT,
              user_role TEXT,
              comment TEXT,
              tiers TEXT,
              refusal TEXT,
              value REAL
            )""",
            "CREATE INDEX alarm_journal_time ON alarm_journal(time_ms)",
            "CREATE INDEX alarm_journal_tag ON alarm_journal(tag, time_ms)");

    /** Accounts, the hash-chained audit trail (append-only, guarded by triggers) and database flags. */
    private static final List<String> MIGRATION_2 = List.of(
            """
            CREATE TABLE vigil_meta (
              meta_key TEXT PRIMARY KEY,
              meta_value TEXT NOT NULL
            )""",
            """
            CREATE TABLE user_account (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
              display_name TEXT NOT NULL DEFAULT '',
              role TEXT NOT NULL,
              password_hash TEXT,
              demo INTEGER NOT NULL DEFAULT 0,
              enabled INTEGER NOT NULL DEFAULT 1,
              failed_attempts INTEGER NOT NULL DEFAULT 0,
              locked_until_ms INTEGER,
              password_changed_ms INTEGER,
              created_ms INTEGER NOT NULL
            )""",
            """
            CREATE TRIGGER user_account_demo_only BEFORE INSERT ON user_account
            WHEN NEW.demo <> 0 AND NOT EXISTS (SELECT 1 FROM vigil_meta WHERE meta_key = 'demo' AND meta_value = 'true')
            BEGIN SELECT RAISE(ABORT, 'demo accounts exist only in a demo database'); END""",
            """
            CREATE TRIGGER vigil_meta_demo_fresh_only BEFORE INSERT ON vigil_meta
            WHEN NEW.meta_key = 'demo' AND EXISTS (SELECT 1 FROM user_account WHERE demo = 0)
            BEGIN SELECT RAISE(ABORT, 'a database with real accounts cannot become a demo database'); END""",
            """
            CREATE TRIGGER user_account_demo_stays BEFORE UPDATE OF demo ON user_account
            WHEN NEW.demo <> OLD.demo
            BEGIN SELECT RAISE(ABORT, 'the demo flag of an account cannot change'); END""",
            """
            CREATE TABLE audit_log (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              seq INTEGER NOT NULL UNIQUE,
              time_ms INTEGER NOT NULL,
              user_name TEXT,
              user_role TEXT,
              action TEXT NOT NULL,
              outcome TEXT NOT NULL,
              target TEXT,
              before_value TEXT,
              after_value TEXT,
              comment TEXT,
              prev_hash TEXT NOT NULL,
              hash TEXT NOT NULL
            )""",
            "CREATE INDEX audit_log_time ON audit_log(time_ms)",
            "CREATE INDEX audit_log_hash ON audit_log(hash)",
            """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
            """
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""");

    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. Never edit a released one. */
    /**
     * Composite rules written in the console (the plant file's rules stay in the plant file). A rule is never deleted,
     * only switched off, so old alarms of it still show its message. {@code revision} grows with every save across the
     * table: consoles sharing the database reload when it moves.
     */
    private static final List<String> MIGRATION_3 = List.of(
            """
            CREATE TABLE console_rule (
              rule_id TEXT PRIMARY KEY,
              when_text TEXT NOT NULL,
              grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
              tag TEXT,
              message_zh TEXT,
              message_en TEXT,
              guidance_zh TEXT,
              guidance_en TEXT,
              enabled INTEGER NOT NULL,
              revision INTEGER NOT NULL,
              changed_by TEXT NOT NULL,
              changed_ms INTEGER NOT NULL
            )""");

    /**
     * Which consoles on this database have an operator at them (the composite rules' {@code operator_present} is
     * site-wide): one row per running console, rewritten every few seconds with a growing {@code beat}.
     */
    private static final List<String> MIGRATION_4 = List.of(
            """
            CREATE TABLE console_presence (
              console_id TEXT PRIMARY KEY,
              host TEXT NOT NULL,
              user_name TEXT,
              present INTEGER NOT NULL,
              beat INTEGER NOT NULL,
              seen_ms INTEGER NOT NULL
            )""");

    private static final List<List<String>> MIGRATIONS = List.of(MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4);

    private final Path file;
    private final SessionFactory sessionFactory;

    private Database(Path file, SessionFactory sessionFactory) {
        this.file = file;
        this.sessionFactory = sessionFactory;
    }

    /**
     * Opens (creating when absent) the database file, migrates its schema and boots Hibernate.
     * Takes seconds: never call on the FX thread.
     */
    public static Database open(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatabaseException(file, "cannot create the data directory " + dir + ": " + e.getMessage()
                    + ". Choose a writable directory (option --data-dir or VIGIL_DATA_DIR).", e);
        }
        if (!Files.isWritable(dir)) {
            throw new DatabaseException(file, "the data directory " + dir + " is not writable. "
                    + "Choose a writable directory (option --data-dir or VIGIL_DATA_DIR).", null);
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new DatabaseException(file, "the database file " + file + " is read-only. Make it writable.", null);
        }
        SQLiteDataSource ds = dataSource(file);
        migrate(file, ds);
        Configuration cfg = new Configuration()
                .addAnnotatedClass(AlarmJournalEntity.class)
                .addAnnotatedClass(UserAccountEntity.class)
                .addAnnotatedClass(MetaEntity.class)
                .addAnnotatedClass(AuditLogEntity.class)
                .addAnnotatedClass(com.vigil.persistence.rules.ConsoleRuleEntity.class)
                .addAnnotatedClass(com.vigil.persistence.presence.ConsolePresenceEntity.class);
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds);
        cfg.setProperty(AvailableSettings.DIALECT, SQLiteDialect.class.getName());
        cfg.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
        cfg.setProperty("hibernate.column_ordering_strategy", "legacy");
        cfg.setProperty(AvailableSettings.SHOW_SQL, "false");
        cfg.setProperty("hibernate.connection.provider_disables_autocommit", "false");
        try {
            return new Database(file, cfg.buildSessionFactory());
        } catch (RuntimeException e) {
            throw new DatabaseException(file, "cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    private static void migrate(Path file, SQLiteDataSource ds) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            int version;
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            // touches the file header: a file that is not a database fails here
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
            if (version > SCHEMA_VERSION) {
                throw new DatabaseException(file, "the database " + file + " was written by a newer Vigil (schema "
                        + version + ", this Vigil understands up to " + SCHEMA_VERSION
                        + "). Update Vigil, or start with another data directory. The file was not changed.", null);
            }
            if (version < SCHEMA_VERSION) {
                c.setAutoCommit(false);
                for (int v = version; v < SCHEMA_VERSION; v++) {
                    for (String sql : MIGRATIONS.get(v)) {
                        st.execute(sql);
                    }
                }
                st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                c.commit();
            }
        } catch (SQLException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (msg.contains("SQLITE_NOTADB") || msg.contains("not a database") || msg.contains("SQLITE_CORRUPT")) {
                throw new DatabaseException(file, "the file " + file + " is not a Vigil database or is damaged ("
                        + msg + "). It was left untouched: move it aside to start with a new database, "
                        + "or restore it from a backup.", e);
            }
            throw new DatabaseException(file, "cannot open the database " + file + ": " + msg, e);
        }
    }

    /**
     * Runs {@code work} in a session of its own, for reading. On failure a {@link DatabaseException} says {@code what}
     * could not be done, from this file, and why.
     */
    public <T> T read(String what, java.util.function.Function<org.hibernate.Session, T> work) {
        try (org.hibernate.Session s = sessionFactory.openSession()) {
            return work.apply(s);
        } catch (RuntimeException e) {
            throw new DatabaseException(file, "could not " + what + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction, committed before this returns. On failure the transaction is rolled back
     * and a {@link DatabaseException} says {@code what} could not be done, in this file, and why.
     */
    public <T> T inTransaction(String what, java.util.function.Function<org.hibernate.Session, T> work) {
        org.hibernate.Session s = sessionFactory.openSession();
        org.hibernate.Transaction tx = s.beginTransaction();
        try {
            T result = work.apply(s);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw new DatabaseException(file, "could not " + what + " in " + file + ": " + e.getMessage(), e);
        } finally {
            s.close();
        }
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
