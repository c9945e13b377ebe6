package com.vigil.accounts;

import com.vigil.model.Actor;
import com.vigil.model.Role;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident audit trail: every security-relevant action is appended with time, user, role, action,
 * target, before/after, comment and a SHA-256 hash chaining it to the entry before ({@link AuditChain}).
 * Append-only: there is no update or delete. Appends are committed before they return.
 *
 * <p>The app calls {@link #alarmAction} for every {@code ActionResult} the alarm engine returns (accepted or
 * refused), and {@link #record}/{@link #refused} for limit and configuration changes, OPC UA writes,
 * certificate decisions and ticket transitions. {@link #verify()} walks the chain and names the first entry
 * whose content or link does not match.
 */
public final class AuditTrail {
    private static final System.Logger LOG = System.getLogger(AuditTrail.class.getName());
    private static final int PAGE = 1000;
    private static final int MAX_FIELD = 4000;

    private final AuditStore store;
    private final Clock clock;

    public AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records an action that was done. */
    public AuditEntry record(Actor actor, AuditAction action, String target, String before, String after,
                             String comment) {
        return append(actor.user(), actor.role(), action, AuditOutcome.DONE, target, before, after, comment);
    }

    /** Records an action that was refused, with the reason. */
    public AuditEntry refused(Actor actor, AuditAction action, String target, String reason) {
        return append(actor.user(), actor.role(), action, AuditOutcome.REFUSED, target, null, null, reason);
    }

    /**
     * Records the outcome of an alarm-engine action ({@code ActionResult}): {@code engineAction} is the
     * {@code JournalEvent} name (ACK, CONFIRM, SHELVE, UNSHELVE, RESET, REMOVE_FROM_SERVICE, RETURN_TO_SERVICE,
     * SUPPRESS, UNSUPPRESS), {@code stateAfter} the {@code AlarmState} name (may be null).
     */
    public AuditEntry alarmAction(Actor actor, String engineAction, String alarmId, boolean accepted,
                                  String stateBefore, String stateAfter, String comment, String refusalReason) {
        AuditAction a = switch (engineAction == null ? "" : engineAction) {
            case "ACK" -> AuditAction.ALARM_ACK;
            case "CONFIRM" -> AuditAction.ALARM_CONFIRM;
            case "SHELVE" -> AuditAction.ALARM_SHELVE;
            case "UNSHELVE" -> AuditAction.ALARM_UNSHELVE;
            case "RESET" -> AuditAction.ALARM_RESET;
            case "REMOVE_FROM_SERVICE" -> AuditAction.ALARM_OUT_OF_SERVICE;
            case "RETURN_TO_SERVICE" -> AuditAction.ALARM_RETURN_TO_SERVICE;
            case "SUPPRESS" -> AuditAction.ALARM_SUPPRESS;
            case "UNSUPPRESS" -> AuditAction.ALARM_UNSUPPRESS;
            default -> AuditAction.ALARM_OTHER;
        };
        String c = comment == null || comment.isEmpty() ? null : comment;
        if (a == AuditAction.ALARM_OTHER) {
            c = engineAction + (c == null ? "" : ": " + c);
        }
        if (accepted) {
            return append(actor.user(), actor.role(), a, AuditOutcome.DONE, alarmId, stateBefore, stateAfter, c);
        }
        String why = "refused: " + (refusalReason == null ? "" : refusalReason) + (c == null ? "" : "; comment: " + c);
        return append(actor.user(), actor.role(), a, AuditOutcome.REFUSED, alarmId, stateBefore, stateAfter, why);
    }

    /**
     * Appends one entry at the head of the chain and commits it. {@code role} may be null (failed log-in of an
     * unknown user). Retries when another console appended at the same moment.
     */
    public synchronized AuditEntry append(String user, Role role, AuditAction action, AuditOutcome outcome,
                                          String target, String before, String after, String comment) {
        Instant time = Instant.ofEpochMilli(clock.millis());
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<AuditEntry> head = store.head();
            long seq = head.map(h -> h.seq() + 1).orElse(1L);
            String prev = head.map(AuditEntry::hash).orElse(AuditChain.GENESIS);
            AuditEntry draft = new AuditEntry(null, seq, time, clip(user), role == null ? null : role.name(),
                    action.name(), outcome.name(), clip(target), clip(before), clip(after), clip(comment), prev, null);
            AuditEntry entry = new AuditEntry(null, draft.seq(), draft.time(), draft.user(), draft.role(), draft.action(),
                    draft.outcome(), draft.target(), draft.before(), draft.after(), draft.comment(), prev,
                    AuditChain.hashOf(draft));
            try {
                store.append(entry);
                LOG.log(System.Logger.Level.DEBUG, "audit #{0}: {1} {2} by {3} on {4}", seq, action, outcome, user,
                        target);
                return entry;
            } catch (AuditStore.ConflictException e) {
                last = e;
            }
        }
        throw new IllegalStateException("could not append to the audit trail: " + last.getMessage(), last);
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD) + "…";
    }

    /** The newest entry. */
    public Optional<AuditEntry> head() {
        return store.head();
    }

    /** The hash of the newest entry ({@link AuditChain#GENESIS} when empty): anchor it elsewhere. */
    public String headHash() {
        return store.head().map(AuditEntry::hash).orElse(AuditChain.GENESIS);
    }

    /** Entries matching {@code filter}, in chain order, at most {@code limit} (the audit viewer). */
    public java.util.List<AuditEntry> find(AuditFilter filter, int limit) {
        return store.find(filter, 0, limit);
    }

    public long count() {
        return store.count();
    }

    /** Walks the whole chain; reports the first entry whose sequence, link or content does not match. */
    public VerifyResult verify() {
        return verify(0, null);
    }

    /**
     * Like {@link #verify()}, and also checks that entry {@code anchorSeq} still has the anchored hash
     * {@code anchorHash} (printed earlier by {@code vigil audit head}): detects a rewrite of the whole chain
     * and a cut-off tail. {@code anchorHash} null: no anchor check.
     */
    public VerifyResult verify(long anchorSeq, String anchorHash) {
        long expected = 1;
        String prev = AuditChain.GENESIS;
        long afterSeq = 0;
        long afterId = Long.MIN_VALUE;
        long n = 0;
        boolean anchorSeen = anchorSeq == 0 && AuditChain.GENESIS.equalsIgnoreCase(anchorHash);
        while (true) {
            List<AuditEntry> page = store.page(afterSeq, afterId, PAGE);
            for (AuditEntry e : page) {
                if (e.seq() > expected) {
                    return bad(n, expected, null, VerifyResult.Problem.MISSING,
                            "next present entry is " + e.seq() + " (id " + e.id() + ")");
                }
                if (e.seq() < expected) {
                    return bad(n, e.seq(), e.id(), VerifyResult.Problem.ORDER,
                            "sequence number " + e.seq() + " appears again after " + (expected - 1));
                }
                if (!prev.equals(e.prevHash())) {
                    Optional<Long> other = e.prevHash() == null ? Optional.empty() : store.seqOfHash(e.prevHash());
                    if (other.isPresent()) {
                        return bad(n, e.seq(), e.id(), VerifyResult.Problem.ORDER,
                                "it follows entry " + other.get() + ", not entry " + (e.seq() - 1));
                    }
                    return bad(n, e.seq(), e.id(), VerifyResult.Problem.LINK,
                            "its previous hash is not the hash of entry " + (e.seq() - 1));
                }
                if (e.time() == null || e.hash() == null || !AuditChain.hashOf(e).equals(e.hash())) {
                    return bad(n, e.seq(), e.id(), VerifyResult.Problem.CONTENT, "");
                }
                if (anchorHash != null && e.seq() == anchorSeq) {
                    if (!anchorHash.equalsIgnoreCase(e.hash())) {
                        return bad(n, e.seq(), e.id(), VerifyResult.Problem.ANCHOR,
                                "its hash differs from the anchored head hash");
                    }
                    anchorSeen = true;
                }
                prev = e.hash();
                expected++;
                n++;
                afterSeq = e.seq();
                afterId = e.id() == null ? afterId : e.id();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (anchorHash != null && !anchorSeen) {
            return bad(n, anchorSeq, null, VerifyResult.Problem.MISSING,
                    "the anchored entry is gone: the chain ends at " + (expected - 1));
        }
        return new VerifyResult(true, n, 0, null, null, "", expected - 1, prev);
    }

    private static VerifyResult bad(long n, long seq, Long id, VerifyResult.Problem p, String detail) {
        return new VerifyResult(false, n, seq, id, p, detail, 0, null);
    }

    /**
     * Writes the entries matching {@code filter} as CSV (RFC 4180, UTF-8 text, header line) and returns how many.
     * Permission to export is checked by {@link AccountService#exportAudit}; this method does not check it.
     * Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
     */
    public long exportCsv(AuditFilter filter, Writer out) throws IOException {
        out.write("seq,time,user,role,action,outcome,target,before,after,comment,prev_hash,hash\r\n");
        long n = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> page = store.find(filter, after, PAGE);
            for (AuditEntry e : page) {
                out.write(e.seq() + "," + e.time() + "," + csv(e.user()) + "," + csv(e.role()) + "," + csv(e.action())
                        + "," + csv(e.outcome()) + "," + csv(e.target()) + "," + csv(e.before()) + "," + csv(e.after())
                        + "," + csv(e.comment()) + "," + e.prevHash() + "," + e.hash() + "\r\n");
                n++;
                after = e.seq();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        out.flush();
        return n;
    }

    static String csv(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String v = s;
        char c0 = v.charAt(0);
        if (c0 == '=' || c0 == '+' || c0 == '-' || c0 == '@' || c0 == '\t' || c0 == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(s)) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
