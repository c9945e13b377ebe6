package com.vigil.app.runtime;

import com.vigil.persistence.presence.ConsolePresenceRow;
import com.vigil.persistence.presence.ConsolePresenceStore;
import com.vigil.warning.online.OnlineCompositeRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composite rules' {@code operator_present} for the whole site: true while someone who may act is signed in, and
 * not locked, at this console <em>or</em> at any other console on the same database. Each console writes its presence
 * with a heartbeat every few seconds ({@link #beat}) and reads the others'.
 *
 * <p>Another console counts only while its beat counter keeps moving: one that stopped writing (killed, network or
 * disk gone) drops out {@link #STALE_MILLIS} after its last move, measured on this machine's monotonic clock, so
 * clocks that differ between machines do not matter. A console seen for the first time counts once its beat has
 * moved. Both err towards "nobody present": a rule on {@code not operator_present} then raises rather than stays
 * silent. Without a database (or while it cannot be read) only this console's own presence counts.
 */
public final class SitePresence {
    private static final Logger LOG = LoggerFactory.getLogger(SitePresence.class);
    /** Heartbeat period of the consoles (the rule poll's). */
    public static final long BEAT_MILLIS = 5_000;
    /** Another console whose beat has not moved for this long no longer counts: four missed beats. */
    public static final long STALE_MILLIS = 4 * BEAT_MILLIS;

    /** A console with someone at it: this one ({@code here}) or another one on the database. */
    public record Present(String consoleId, String host, String userName, boolean here) {
    }

    private final String consoleId;
    private final String host;
    private final OnlineCompositeRules rules;
    private final LongSupplier monotonicMillis;
    private final LongSupplier wallMillis;
    private volatile ConsolePresenceStore store;
    private boolean localPresent;
    private String localUser;
    /** Other consoles: their newest beat and when (monotonic, here) it last moved. */
    private final Map<String, long[]> beats = new HashMap<>();
    private List<ConsolePresenceRow> others = List.of();
    private Boolean applied;

    /**
     * @param monotonicMillis this machine's monotonic clock (e.g. from {@link System#nanoTime()})
     * @param wallMillis      the clock written beside the beat, for people reading the table
     */
    public SitePresence(String consoleId, String host, OnlineCompositeRules rules, LongSupplier monotonicMillis,
                        LongSupplier wallMillis) {
        this.consoleId = consoleId;
        this.host = host;
        this.rules = rules;
        this.monotonicMillis = monotonicMillis;
        this.wallMillis = wallMillis;
        apply();
    }

    public String consoleId() {
        return consoleId;
    }

    /** The database is open: from the next beat on, this console is seen and sees the others. */
    public void attach(ConsolePresenceStore store) {
        this.store = store;
    }

    /** Someone who may act signed in, signed out, locked or unlocked this console ({@code user} null when nobody). */
    public void local(boolean present, String user) {
        synchronized (this) {
            localPresent = present;
            localUser = present ? user : null;
        }
        apply();
    }

    /** Writes this console's presence and reads the others' (one short transaction each), then applies the result. */
    public void beat() {
        ConsolePresenceStore s = store;
        if (s != null) {
            boolean present;
            String user;
            synchronized (this) {
                present = localPresent;
                user = localUser;
            }
            try {
                s.beat(consoleId, host, user, present, wallMillis.getAsLong());
            } catch (RuntimeException e) {
                LOG.warn("this console's presence could not be written (the others stop counting it): {}", e.toString());
            }
            List<ConsolePresenceRow> rows = null;
            try {
                rows = s.all();
            } catch (RuntimeException e) {
                LOG.warn("the other consoles' presence could not be read (they stop counting): {}", e.toString());
            }
            seen(rows);
        }
        apply();
    }

    /** Updates the other consoles' liveness from the rows just read (null: nothing read, nobody's beat moved). */
    private synchronized void seen(List<ConsolePresenceRow> rows) {
        long now = monotonicMillis.getAsLong();
        List<ConsolePresenceRow> alive = new ArrayList<>();
        Map<String, long[]> next = new HashMap<>();
        for (ConsolePresenceRow r : rows == null ? List.<ConsolePresenceRow>of() : rows) {
            if (r.consoleId().equals(consoleId)) {
                continue;
            }
            long[] before = beats.get(r.consoleId());
            // first sight: not yet moved, so not yet counted (a row a killed console left behind never counts)
            long moved = before == null ? Long.MIN_VALUE : before[0] != r.beat() ? now : before[1];
            next.put(r.consoleId(), new long[] {r.beat(), moved});
            if (moved != Long.MIN_VALUE && now - moved <= STALE_MILLIS) {
                alive.add(r);
            }
        }
        if (rows == null) { // keep what we knew; it ages out
            for (Map.Entry<String, long[]> e : beats.entrySet()) {
                next.put(e.getKey(), e.getValue());
            }
            alive = others.stream().filter(r -> {
                long[] b = beats.get(r.consoleId());
                return b != null && b[1] != Long.MIN_VALUE && now - b[1] <= STALE_MILLIS;
            }).toList();
        }
        beats.clear();
        beats.putAll(next);
        others = List.copyOf(alive);
    }

    /** Whether someone who may act is at this console or at another live console on the database. */
    public synchronized boolean sitePresent() {
        return localPresent || others.stream().anyMatch(ConsolePresenceRow::present);
    }

    /** The consoles with someone at them now: this one first, then the others by id. */
    public synchronized List<Present> present() {
        List<Present> out = new ArrayList<>();
        if (localPresent) {
            out.add(new Present(consoleId, host, localUser, true));
        }
        others.stream().filter(ConsolePresenceRow::present)
                .forEach(r -> out.add(new Present(r.consoleId(), r.host(), r.userName(), false)));
        return out;
    }

    /** Sets {@code operator_present} on the rules when the site's presence changed. */
    private void apply() {
        synchronized (rules) { // one order of changes on the rules, whichever thread computed them
            boolean site = sitePresent();
            if (applied == null || applied != site) {
                applied = site;
                rules.setVariable(OnlineCompositeRules.OPERATOR_PRESENT, site);
            }
        }
    }

    /** This console closes: its row goes, so the other consoles stop counting it at once. */
    public void leave() {
        ConsolePresenceStore s = store;
        if (s != null) {
            try {
                s.leave(consoleId);
            } catch (RuntimeException e) {
                LOG.warn("this console's presence could not be removed (the others drop it within {} s): {}",
                        STALE_MILLIS / 1000, e.toString());
            }
        }
    }
}
