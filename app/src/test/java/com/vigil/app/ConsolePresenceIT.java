package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.app.runtime.SitePresence;
import com.vigil.app.runtime.VigilRuntime;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole consoles (runtimes with their demo plant, OPC UA connection and heartbeat threads) on one SQLite file: an
 * operator signed in at A makes {@code operator_present} true on B within two beats; when A closes, its row is gone
 * from the file and B counts nobody at its next beat.
 */
class ConsolePresenceIT {
    @TempDir
    Path dir;
    private final List<VigilRuntime> open = new ArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(VigilRuntime::close);
        System.clearProperty("vigil.assetModels");
    }

    private VigilRuntime console(String name, Path db) throws Exception {
        VigilRuntime r = new VigilRuntime(new VigilRuntime.Options(dir.resolve(name), 0, 42, 1.0, db, null));
        open.add(r);
        r.database().get(60, TimeUnit.SECONDS);
        r.start(state -> { });
        return r;
    }

    private static void waitFor(long seconds, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static List<String> rows(Path db) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT console_id FROM console_presence ORDER BY console_id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Test
    void anOperatorAtOneConsoleIsPresentAtTheOtherUntilItCloses() throws Exception {
        System.setProperty("vigil.assetModels", "off");
        Path db = dir.resolve("shared.db");
        VigilRuntime a = console("a", db);
        VigilRuntime b = console("b", db);
        waitFor(60, () -> {
            try {
                return rows(db).size() == 2;
            } catch (Exception e) {
                return false;
            }
        }, "both consoles write their heartbeat");
        assertTrue(!b.sitePresence().sitePresent(), "nobody is signed in anywhere yet");

        a.operatorPresent(true, "zhang");
        waitFor(60, () -> a.sitePresence().sitePresent(), "present on A (at once by design)");
        waitFor(60, () -> b.sitePresence().sitePresent(), "present on B (within two beats by design)");
        assertEquals(List.of(new SitePresence.Present(a.sitePresence().consoleId(), VigilRuntime.station(), "zhang", false)),
                b.sitePresence().present());

        a.close();
        open.remove(a);
        assertEquals(List.of(b.sitePresence().consoleId()), rows(db), "A removed its row when it closed");
        waitFor(60, () -> !b.sitePresence().sitePresent(), "B counts nobody (at its next beat by design)");
    }
}
