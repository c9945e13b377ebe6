package com.vigil.historian;

import com.vigil.model.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real crash test: a child JVM ingests and is killed with destroyForcibly (SIGKILL) at a random moment, over and
 * over on the same database. After each kill the database must open, pass quick_check, have lost at most the
 * last second of samples, and every earlier run must be intact. 5 kills by default;
 * {@code -Dvigil.crash.kills=20} for more.
 */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void killMinusNineLosesAtMostOneSecondAndNeverCorrupts() throws Exception {
        int kills = Integer.getInteger("vigil.crash.kills", 5);
        Path db = dir.resolve("crash.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Random rnd = new Random(42);
        List<Long> counts = new ArrayList<>();
        long worstLoss = 0;
        for (int run = 0; run < kills; run++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", cp, CrashChild.class.getName(),
                    db.toString(), Integer.toString(run), run % 2 == 1 ? "heavy" : "light");
            pb.redirectError(new File(dir.toFile(), "child-" + run + ".err"));
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line = r.readLine();
                if (!"READY".equals(line)) {
                    p.destroyForcibly();
                    fail("child did not start: " + line + " (see " + dir + "/child-" + run + ".err)");
                }
                Thread.sleep(400 + rnd.nextInt(1600));
                long killAt = System.currentTimeMillis();
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertEquals("ok", quickCheck(db), "quick_check after kill " + run);
                try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
                    long loss = Long.MAX_VALUE;
                    for (int i = 0; i < 20; i++) {
                        List<Sample> got = h.raw("R" + run + ".T" + i, 0, Long.MAX_VALUE / 4);
                        assertTrue(got.size() > 0, "run " + run + " stored nothing");
                        for (int k = 0; k < got.size(); k++) {
                            assertEquals(k, got.get(k).value(), "run " + run + " tag " + i + ": hole at " + k);
                        }
                        loss = Math.min(loss, killAt - got.get(got.size() - 1).timeMillis());
                        if (i == 0) {
                            counts.add((long) got.size());
                        } else {
                            assertEquals(counts.get(run), got.size(), "tags of one batch stored together");
                        }
                    }
                    worstLoss = Math.max(worstLoss, loss);
                    assertTrue(loss <= 1000, "run " + run + " lost " + loss + " ms of samples");
                    for (int old = 0; old < run; old++) {
                        assertEquals(counts.get(old), h.raw("R" + old + ".T7", 0, Long.MAX_VALUE / 4).size(),
                                "earlier run " + old + " intact");
                    }
                }
            } finally {
                p.destroyForcibly();
            }
        }
        System.out.println("CrashTest: " + kills + " kills, worst loss " + worstLoss + " ms");
    }

    private static String quickCheck(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            return rs.getString(1);
        }
    }
}
