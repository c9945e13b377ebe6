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
 * disk gone) drops out {@link #STALE_MILLIS} after its beat was last seen to move, measured on this machine's
 * monotonic clock, so clocks that differ between machines do not matter. The age is checked whenever the value is
 * read or {@link #refresh}ed, not only when a beat succeeds, so a database that hangs cannot keep another console
 * counted. A console seen for the first time counts once its beat has moved; a row left by a killed console therefore
 * never counts, and once its beat has stood still for {@link #PRUNE_AFTER_MILLIS} (this machine's clock) it is
 * removed. Everything errs towards "nobody present": a rule on {@code not operator_present} then raises rather than
 * stays silent. Without a database only this console's own presence counts.
 */
public final class SitePresence {
    private static final Logger LOG = LoggerFactory.getLogger(SitePresence.class);
    /** Heartbeat period of the consoles. */
    public static final long BEAT_MILLIS = 5_000;
    /** Another console whose beat has not moved for this long no longer counts: six missed beats. */
    public static final long STALE_MILLIS = 6 * BEAT_MILLIS;
    /** A row whose beat has stood still this long (this machine's clock) is removed. */
    public static final long PRUNE_AFTER_MILLIS = 24L * 3600 * 1000;

    /** A console with someone at it: this one ({@code here}) or another one on the database. */
    public record Present(String consoleId, String host, String userName, boolean here) {
    }

    /** Another console's newest row, when its beat last moved here (MIN_VALUE: not yet) and since when it stands. */
    private record Seen(ConsolePresenceRow row, long movedAt, long standingSince) {
    }

    private final String consoleId;
    private final String host;
    private final OnlineCompositeRules rules;
    private final LongSupplier monotonicMillis;
    private final LongSupplier wallMillis;
    private volatile ConsolePresenceStore store;
    private boolean localPresent;
    private String localUser;
    private Map<String, Seen> others = Map.of();
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
        refresh();
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
        refresh();
    }

    /**
     * Writes this console's presence and reads the others' (one short transaction each), removes rows that have stood
     * still for a day, then applies the result. A failure is logged: the others then age out on their own.
     */
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
                LOG.warn("this console's presence could not be written (the other consoles stop counting it after "
                        + "{} s): {}", STALE_MILLIS / 1000, e.toString());
            }
            try {
                for (String dead : seen(s.all())) {
                    s.remove(dead);
                    LOG.info("removed the presence row of console {}: its beat has stood still for a day", dead);
                }
            } catch (RuntimeException e) {
                LOG.warn("the other consoles' presence could not be read (they stop counting after {} s): {}",
                        STALE_MILLIS / 1000, e.toString());
            }
        }
        refresh();
    }

    /** Updates the other consoles from the rows just read; returns the ids of rows standing still for a day. */
    private synchronized List<String> seen(List<ConsolePresenceRow> rows) {
        long now = monotonicMillis.getAsLong();
        Map<String, Seen> next = new HashMap<>();
        List<String> dead = new ArrayList<>();
        for (ConsolePresenceRow r : rows) {
            if (r.consoleId().equals(consoleId)) {
                continue;
            }
            Seen before = others.get(r.consoleId());
            Seen s;
            if (before == null) {
                s = new Seen(r, Long.MIN_VALUE, now); // first sight: counted once the beat moves
            } else if (before.row().beat() != r.beat()) {
                s = new Seen(r, now, now);
            } else {
                s = new Seen(r, before.movedAt(), before.standingSince());
            }
            next.put(r.consoleId(), s);
            if (now - s.standingSince() > PRUNE_AFTER_MILLIS) {
                dead.add(r.consoleId());
            }
        }
        others = next;
        return dead;
    }

    private boolean live(Seen s, long now) {
        return s.movedAt() != Long.MIN_VALUE && now - s.movedAt() <= STALE_MILLIS;
    }

    /** Whether someone who may act is at this console or at another live console on the database. */
    public synchronized boolean sitePresent() {
        long now = monotonicMillis.getAsLong();
        return localPresent || others.values().stream().anyMatch(s -> s.row().present() && live(s, now));
    }

    /** The consoles with someone at them now: this one first, then the others by id. */
    public synchronized List<Present> present() {
        long now = monotonicMillis.getAsLong();
        List<Present> out = new ArrayList<>();
        if (localPresent) {
            out.add(new Present(consoleId, host, localUser, true));
        }
        others.values().stream().filter(s -> s.row().present() && live(s, now)).map(Seen::row)
                .sorted(java.util.Comparator.comparing(ConsolePresenceRow::consoleId))
                .forEach(r -> out.add(new Present(r.consoleId(), r.host(), r.userName(), false)));
        return out;
    }

    /**
     * Sets {@code operator_present} on the rules when the site's presence changed, other consoles' ages included. No
     * database access: cheap enough for a frequent timer, so a hung database cannot hold a stale value.
     */
    public void refresh() {
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
                s.remove(consoleId);
            } catch (RuntimeException e) {
                LOG.warn("this console's presence could not be removed (the others drop it within {} s): {}",
                        STALE_MILLIS / 1000, e.toString());
            }
        }
    }
}
