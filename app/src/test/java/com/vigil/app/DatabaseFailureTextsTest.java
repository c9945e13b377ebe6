package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.persistence.db.Database;
import com.vigil.persistence.db.DatabaseException;
import com.vigil.persistence.rules.ConsoleRuleRow;
import com.vigil.persistence.rules.ConsoleRuleStore;
import com.vigil.ui.kit.FailureTexts;
import com.vigil.ui.kit.I18n;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database failure reads in the UI language: another program holds the write lock on the real SQLite file, a
 * console rule save fails after the busy timeout, and the reason shown is the bundle's, not the driver's English.
 */
class DatabaseFailureTextsTest {
    @TempDir
    Path dir;

    @Test
    void aBusyDatabaseIsSaidInTheOperatorsLanguageAndOtherCausesKeepTheirOwnText() throws Exception {
        Path file = dir.resolve("vigil.db");
        try (Database db = Database.open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE"); // another program writing, for longer than the 5 s busy timeout
            DatabaseException e = assertThrows(DatabaseException.class, () -> new ConsoleRuleStore(db).save(
                    new ConsoleRuleRow("hot", "RX.R201.TT > 170", 2, null, null, "hot", null, null, true, 0, "eng", 1), 0));
            st.execute("ROLLBACK");
            I18n zh = new I18n(Locale.SIMPLIFIED_CHINESE);
            I18n en = new I18n(Locale.ENGLISH);
            assertEquals("数据库正忙：另一台控制台或程序正在使用。请稍后重试。", FailureTexts.describe(zh, e));
            assertEquals("The rule was not saved; everything you typed is kept: the database is busy: another console or "
                    + "program is using it. Try again in a moment.",
                    en.t("ew.rule.failed", FailureTexts.describe(en, new CompletionException(e))), "as the editor says it");
            assertTrue(new ConsoleRuleStore(db).all().isEmpty(), "nothing was written");
        }
        I18n zh = new I18n(Locale.SIMPLIFIED_CHINESE);
        assertEquals("the comment is required", FailureTexts.describe(zh,
                new CompletionException(new IllegalArgumentException("the comment is required"))), "other causes: their own text");
        assertEquals("IllegalStateException", FailureTexts.describe(zh, new IllegalStateException()));
        assertEquals("rule 'x': unknown tag '[SQLITE_FULL]'", FailureTexts.describe(zh,
                new IllegalArgumentException("rule 'x': unknown tag '[SQLITE_FULL]'")), "a message merely quoting a code");
        RuntimeException a = new RuntimeException("outer");
        RuntimeException b = new RuntimeException("inner", a);
        a.initCause(b); // a cause cycle ends, it does not hang the FX thread
        assertEquals("outer", FailureTexts.describe(zh, a));
    }
}
