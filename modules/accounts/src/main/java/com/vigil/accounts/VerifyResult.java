package com.vigil.accounts;

/**
 * The outcome of walking the audit chain.
 *
 * @param ok       true when every entry's content and link match
 * @param entries  entries checked (all of them when ok; those before the problem otherwise)
 * @param seq      the sequence number of the first bad entry (0 when ok)
 * @param id       its row id (null when ok or missing)
 * @param problem  what is wrong (null when ok)
 * @param detail   more words about it (may be empty)
 * @param headSeq  sequence number of the last entry (when ok)
 * @param headHash hash of the last entry (when ok; {@link AuditChain#GENESIS} for an empty trail)
 */
public record VerifyResult(boolean ok, long entries, long seq, Long id, Problem problem, String detail, long headSeq,
                           String headHash) {
    /** Kinds of damage, with the words the {@code vigil audit verify} command prints. */
    public enum Problem {
        CONTENT("content hash mismatch"),
        LINK("link mismatch"),
        MISSING("missing entry"),
        ORDER("order"),
        ANCHOR("anchor mismatch");

        private final String words;

        Problem(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** {@code OK <n> entries} or {@code TAMPERED at entry <seq> (id …): <problem>[ — detail]}. */
    public String message() {
        if (ok) {
            return "OK " + entries + " entries";
        }
        return "TAMPERED at entry " + seq + " (id " + (id == null ? "-" : id) + "): " + problem.words()
                + (detail == null || detail.isEmpty() ? "" : " — " + detail);
    }
}
