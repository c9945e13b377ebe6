package com.vigil.persistence.db;

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
 * Vigil's SQLite database for entities (alarm journal; later tickets, audit, users, configuration).
 * The schema is versioned with {@code PRAGMA user_version} and migrated on open by plain SQL scripts;
 * Hibernate only validates and maps. A database written by a newer Vigil is refused, a file that is
 * not a database is reported; neither is ever deleted or overwritten.
 *
 * <p>Operator actions are committed with {@code synchronous=FULL} before the caller is told "done".
 */
public final class Database implements AutoCloseable {
    /** Schema version this code understands. */
    public static final int SCHEMA_VERSION = 1;

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
                .addAnnotatedClass(AlarmJournalEntity.class);
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
            if (version < 1) {
                c.setAutoCommit(false);
                for (String sql : MIGRATION_1) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = 1");
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
