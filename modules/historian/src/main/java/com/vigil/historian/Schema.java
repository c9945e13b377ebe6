package com.vigil.historian;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** DDL and schema versioning (PRAGMA user_version). */
final class Schema {
    static final int VERSION = 1;

    private Schema() {
    }

    /** Block summary columns, in insert order (after tag_id, win). */
    static final String SUMMARY_COLS = "n, n_usable, n_bad, v_min, t_min, v_max, t_max, v_sum, first_t, last_t, "
            + "last_v_bits, last_q, fu_t, fu_v, lu_t, lu_v, tw_sum, tw_dur";

    static void migrate(Connection c, String where) throws SQLException {
        int version;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > VERSION) {
            throw new SchemaVersionException("The historian database " + where + " has schema version " + version
                    + ", written by a newer Vigil; this Vigil understands up to version " + VERSION
                    + ". Upgrade Vigil, or open a copy with the newer version.", version, VERSION);
        }
        if (version == VERSION) {
            return;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS tag(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            // write-ahead log of incoming sample groups (one row per committed group, LogCodec format)
            st.executeUpdate("CREATE TABLE IF NOT EXISTS log(seq INTEGER PRIMARY KEY, created INTEGER NOT NULL, "
                    + "n INTEGER NOT NULL, data BLOB NOT NULL)");
            // compressed blocks; summary columns first so reading them never walks the data overflow pages
            st.executeUpdate("CREATE TABLE IF NOT EXISTS block(id INTEGER PRIMARY KEY, tag_id INTEGER NOT NULL, "
                    + "win INTEGER NOT NULL, n INTEGER NOT NULL, n_usable INTEGER NOT NULL, n_bad INTEGER NOT NULL, "
                    + "v_min REAL, t_min INTEGER, v_max REAL, t_max INTEGER, v_sum REAL, "
                    + "first_t INTEGER NOT NULL, last_t INTEGER NOT NULL, last_v_bits INTEGER, last_q INTEGER, "
                    + "fu_t INTEGER, fu_v REAL, lu_t INTEGER, lu_v REAL, tw_sum REAL, tw_dur INTEGER, "
                    + "codec INTEGER NOT NULL, data BLOB NOT NULL)");
            st.executeUpdate("CREATE INDEX IF NOT EXISTS block_tag_win ON block(tag_id, win, last_t)");
            // coarse rollup level (default one UTC day) = combination of the block summaries of that span
            st.executeUpdate("CREATE TABLE IF NOT EXISTS rollup(tag_id INTEGER NOT NULL, t0 INTEGER NOT NULL, "
                    + "n INTEGER NOT NULL, n_usable INTEGER NOT NULL, n_bad INTEGER NOT NULL, "
                    + "v_min REAL, t_min INTEGER, v_max REAL, t_max INTEGER, v_sum REAL, "
                    + "first_t INTEGER NOT NULL, last_t INTEGER NOT NULL, last_v_bits INTEGER, last_q INTEGER, "
                    + "fu_t INTEGER, fu_v REAL, lu_t INTEGER, lu_v REAL, tw_sum REAL, tw_dur INTEGER, "
                    + "PRIMARY KEY(tag_id, t0)) WITHOUT ROWID");
            // windows that received a new block (to merge) and rollups to recompute
            st.executeUpdate("CREATE TABLE IF NOT EXISTS dirty_win(tag_id INTEGER NOT NULL, win INTEGER NOT NULL, "
                    + "PRIMARY KEY(tag_id, win)) WITHOUT ROWID");
            st.executeUpdate("CREATE TABLE IF NOT EXISTS dirty_rollup(tag_id INTEGER NOT NULL, t0 INTEGER NOT NULL, "
                    + "PRIMARY KEY(tag_id, t0)) WITHOUT ROWID");
            st.executeUpdate("PRAGMA user_version = " + VERSION);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
