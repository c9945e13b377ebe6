package com.vigil.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.Actor;
import com.vigil.model.Role;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    private final Fixture f = new Fixture();
    private final Actor op = new Actor("op1", Role.OPERATOR);

    @BeforeEach
    void tenEntries() {
        for (int i = 1; i <= 10; i++) {
            f.audit.record(op, AuditAction.ALARM_ACK, "RX.R201.TT:H" + i, "UNACK", "ACKED", "checked 检查 " + i);
            f.clock.advance(Duration.ofSeconds(1));
        }
    }

    private static AuditEntry with(AuditEntry e, String comment) {
        return new AuditEntry(e.id(), e.seq(), e.time(), e.user(), e.role(), e.action(), e.outcome(), e.target(),
                e.before(), e.after(), comment, e.prevHash(), e.hash());
    }

    @Test
    void intactChainVerifies() {
        VerifyResult r = f.audit.verify();
        assertTrue(r.ok());
        assertEquals("OK 10 entries", r.message());
        assertEquals(10, r.headSeq());
        assertEquals(f.audit.headHash(), r.headHash());
        assertEquals(AuditChain.GENESIS, f.auditStore.bySeq(1).orElseThrow().prevHash());
    }

    @Test
    void emptyChainVerifies() {
        assertEquals("OK 0 entries", new AuditTrail(new InMemoryAuditStore(), f.clock).verify().message());
    }

    @Test
    void changedContentIsFoundAtThatEntry() {
        f.auditStore.tamper(4, e -> with(e, e.comment().replace('4', '5')));
        VerifyResult r = f.audit.verify();
        assertEquals(VerifyResult.Problem.CONTENT, r.problem());
        assertEquals(4, r.seq());
        assertEquals("TAMPERED at entry 4 (id 4): content hash mismatch", r.message());
    }

    @Test
    void recomputedHashBreaksTheNextLink() {
        f.auditStore.tamper(4, e -> {
            AuditEntry c = with(e, "forged");
            return new AuditEntry(c.id(), c.seq(), c.time(), c.user(), c.role(), c.action(), c.outcome(), c.target(),
                    c.before(), c.after(), c.comment(), c.prevHash(), AuditChain.hashOf(c));
        });
        VerifyResult r = f.audit.verify();
        assertEquals(VerifyResult.Problem.LINK, r.problem());
        assertEquals(5, r.seq());
    }

    @Test
    void deletedEntryIsMissing() {
        f.auditStore.tamper(6, e -> null);
        VerifyResult r = f.audit.verify();
        assertEquals(VerifyResult.Problem.MISSING, r.problem());
        assertEquals(6, r.seq());
        assertTrue(r.message().startsWith("TAMPERED at entry 6 (id -): missing entry"), r.message());
    }

    @Test
    void swappedSequenceNumbersAreAnOrderProblem() {
        AuditEntry a = f.auditStore.bySeq(3).orElseThrow();
        AuditEntry b = f.auditStore.bySeq(4).orElseThrow();
        f.auditStore.tamper(3, e -> e.id().equals(a.id()) ? reseq(e, 4) : e);
        f.auditStore.tamper(4, e -> e.id().equals(b.id()) ? reseq(e, 3) : e);
        VerifyResult r = f.audit.verify();
        assertEquals(VerifyResult.Problem.ORDER, r.problem());
        assertEquals(3, r.seq());
        assertEquals(b.id(), r.id());
    }

    private static AuditEntry reseq(AuditEntry e, long seq) {
        return new AuditEntry(e.id(), seq, e.time(), e.user(), e.role(), e.action(), e.outcome(), e.target(), e.before(),
                e.after(), e.comment(), e.prevHash(), e.hash());
    }

    @Test
    void anchoredHeadDetectsACutOffTailAndARewrite() {
        AuditEntry head = f.audit.head().orElseThrow();
        assertTrue(f.audit.verify(head.seq(), head.hash()).ok());
        f.auditStore.tamper(10, e -> null);
        assertTrue(f.audit.verify().ok(), "without an anchor a cut-off tail is invisible");
        VerifyResult r = f.audit.verify(head.seq(), head.hash());
        assertFalse(r.ok());
        assertEquals(10, r.seq());
        VerifyResult wrong = f.audit.verify(5, "ab".repeat(32));
        assertEquals(VerifyResult.Problem.ANCHOR, wrong.problem());
    }

    @Test
    void canonicalFormIsUnambiguous() {
        byte[] a = AuditChain.canonical(1, 0, "ab", "c", "X", "DONE", null, null, null, null, AuditChain.GENESIS);
        byte[] b = AuditChain.canonical(1, 0, "a", "bc", "X", "DONE", null, null, null, null, AuditChain.GENESIS);
        byte[] n = AuditChain.canonical(1, 0, "a", "bc", "X", "DONE", "", null, null, null, AuditChain.GENESIS);
        assertFalse(java.util.Arrays.equals(a, b), "field boundaries are part of the form");
        assertFalse(java.util.Arrays.equals(b, n), "null and empty differ");
        // the documented layout: 4-byte big-endian length + UTF-8, null = -1
        byte[] one = AuditChain.canonical(7, 5, "u", null, "A", "DONE", null, null, null, null, "p");
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(one);
        assertEquals(AuditChain.FORMAT.length(), bb.getInt());
        bb.position(bb.position() + AuditChain.FORMAT.length());
        assertEquals(1, bb.getInt());
        assertEquals('7', bb.get());
        assertEquals(1, bb.getInt());
        assertEquals('5', bb.get());
        assertEquals(1, bb.getInt());
        assertEquals('u', bb.get());
        assertEquals(-1, bb.getInt());
        assertArrayEquals(one, AuditChain.canonical(7, 5, "u", null, "A", "DONE", null, null, null, null, "p"));
    }

    @Test
    void knownHashOfAFixedEntry() {
        // pins the canonical form: changing it breaks every stored chain
        AuditEntry e = new AuditEntry(null, 1, Instant.ofEpochMilli(1_700_000_000_000L), "op1", "OPERATOR",
                "ALARM_ACK", "DONE", "RX.R201.TT:H", "UNACK", "ACKED", "检查", AuditChain.GENESIS, null);
        String h = AuditChain.hashOf(e);
        assertEquals(64, h.length());
        assertEquals(h, AuditChain.sha256Hex(AuditChain.canonical(1, 1_700_000_000_000L, "op1", "OPERATOR",
                "ALARM_ACK", "DONE", "RX.R201.TT:H", "UNACK", "ACKED", "检查", AuditChain.GENESIS)));
    }

    @Test
    void alarmEngineResultsAreRecordedAcceptedOrRefused() {
        f.audit.alarmAction(op, "SHELVE", "RX.R201.TT:HH", false, "UNACK", "UNACK", "maintenance",
                "OPERATOR may not shelve GRADE_1 alarms");
        AuditEntry e = f.audit.head().orElseThrow();
        assertEquals("ALARM_SHELVE", e.action());
        assertEquals("REFUSED", e.outcome());
        assertTrue(e.comment().contains("may not shelve"));
        f.audit.alarmAction(op, "REMOVE_FROM_SERVICE", "X:H", true, "NORMAL", "OUT_OF_SERVICE", "broken", null);
        assertEquals("ALARM_OUT_OF_SERVICE", f.audit.head().orElseThrow().action());
        assertEquals("DONE", f.audit.head().orElseThrow().outcome());
        assertEquals("OUT_OF_SERVICE", f.audit.head().orElseThrow().after());
        assertTrue(f.audit.verify().ok());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource({"ACK,ALARM_ACK", "CONFIRM,ALARM_CONFIRM", "SHELVE,ALARM_SHELVE",
            "UNSHELVE,ALARM_UNSHELVE", "RESET,ALARM_RESET", "REMOVE_FROM_SERVICE,ALARM_OUT_OF_SERVICE",
            "RETURN_TO_SERVICE,ALARM_RETURN_TO_SERVICE", "SUPPRESS,ALARM_SUPPRESS", "UNSUPPRESS,ALARM_UNSUPPRESS",
            "ESCALATE,ALARM_OTHER"})
    void everyEngineActionHasItsAuditAction(String engineEvent, String auditAction) {
        for (boolean accepted : new boolean[] {true, false}) {
            AuditEntry e = f.audit.alarmAction(op, engineEvent, "A:H", accepted, null, "ACKED", "c",
                    accepted ? null : "no");
            assertEquals(auditAction, e.action());
            assertEquals(accepted ? "DONE" : "REFUSED", e.outcome());
            assertEquals("A:H", e.target());
            assertEquals("op1", e.user());
            assertEquals("OPERATOR", e.role());
        }
        assertTrue(f.audit.verify().ok());
    }

    @Test
    void csvExportFiltersByTimeUserAndAction() throws Exception {
        f.audit.record(new Actor("eng", Role.ENGINEER), AuditAction.LIMIT_CHANGE, "RX.R201.TT", "HH=180", "HH=175",
                "=HYPERLINK(\"x\"), \"quoted\"");
        StringWriter all = new StringWriter();
        assertEquals(11, f.audit.exportCsv(AuditFilter.ALL, all));
        StringWriter limits = new StringWriter();
        assertEquals(1, f.audit.exportCsv(new AuditFilter(null, null, "ENG", Set.of("LIMIT_CHANGE")), limits));
        List<String> lines = limits.toString().lines().toList();
        assertEquals("seq,time,user,role,action,outcome,target,before,after,comment,prev_hash,hash", lines.get(0));
        assertTrue(lines.get(1).contains(",\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\","), lines.get(1));
        Instant t0 = Instant.parse("2026-11-23T08:00:00Z");
        StringWriter window = new StringWriter();
        assertEquals(3, f.audit.exportCsv(new AuditFilter(t0.plusSeconds(2), t0.plusSeconds(5), null, Set.of()), window));
        assertTrue(window.toString().contains("RX.R201.TT:H3"));
        assertFalse(window.toString().contains("RX.R201.TT:H6"));
    }
}
