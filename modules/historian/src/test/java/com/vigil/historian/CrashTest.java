package com.vigil.historian;

import com.vigil.model.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real crash test: a child JVM ingests and is killed with destroyForcibly (SIGKILL) at a random moment, over and
 * over on the same database. After each kill the database must open, pass quick_check, hold every batch the
 * historian had reported committed before the kill (and no hole), and every earlier run must be intact. The
 * samples lost, in time, are printed (the commit interval, 200 ms by default, is the design bound; they are not
 * asserted, as a busy machine can delay the writer thread). 5 kills by default; {@code -Dvigil.crash.kills=20} for
 * more.
 */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void killMinusNineLosesNothingCommittedAndNeverCorrupts() throws Exception {
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
                // the last batch the child saw committed; read on until the child is gone (lines printed before
                // the kill stay in the pipe)
                AtomicLong durable = new AtomicLong(-1);
                CountDownLatch firstCommit = new CountDownLatch(1);
                Thread reader = new Thread(() -> {
                    try {
                        for (String l; (l = r.readLine()) != null; ) {
                            if (l.startsWith("DURABLE ")) {
                                durable.set(Long.parseLong(l.substring(8)));
                                firstCommit.countDown();
                            }
                        }
                    } catch (IOException ignored) {
                        // the child is gone
                    }
                });
                reader.start();
                assertTrue(firstCommit.await(120, TimeUnit.SECONDS), "child " + run + " committed nothing");
                Thread.sleep(rnd.nextInt(1600));
                long killAt = System.currentTimeMillis();
                p.destroyForcibly();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                reader.join(60_000);
                long committed = durable.get() + 1;
                assertEquals("ok", quickCheck(db), "quick_check after kill " + run);
                try (Historian h = Historian.open(db, HistorianOptions.defaults())) {
                    long loss = Long.MAX_VALUE;
                    for (int i = 0; i < 20; i++) {
                        List<Sample> got = h.raw("R" + run + ".T" + i, 0, Long.MAX_VALUE / 4);
                        assertTrue(got.size() > 0, "run " + run + " stored nothing");
                        for (int k = 0; k < got.size(); k++) {
                            assertEquals(k, got.get(k).value(), "run " + run + " tag " + i + ": hole at " + k);
                        }
                        assertTrue(got.size() >= committed, "run " + run + " tag " + i + ": " + got.size()
                                + " batches stored, " + committed + " reported committed before the kill");
                        loss = Math.min(loss, killAt - got.get(got.size() - 1).timeMillis());
                        if (i == 0) {
                            counts.add((long) got.size());
                        } else {
                            assertEquals(counts.get(run), got.size(), "tags of one batch stored together");
                        }
                    }
                    worstLoss = Math.max(worstLoss, loss);
                    for (int old = 0; old < run; old++) {
                        assertEquals(counts.get(old), h.raw("R" + old + ".T7", 0, Long.MAX_VALUE / 4).size(),
                                "earlier run " + old + " intact");
                    }
                }
            } finally {
                p.destroyForcibly();
            }
        }
        System.out.println("CrashTest: " + kills + " kills, worst loss " + worstLoss + " ms of samples (commit interval "
                + HistorianOptions.defaults().commitIntervalMillis() + " ms)");
    }

    private static String quickCheck(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            return rs.getString(1);
        }
    }
}
