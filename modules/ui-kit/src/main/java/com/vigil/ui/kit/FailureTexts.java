package com.vigil.ui.kit;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why an action failed, in the UI language where the cause is a known one. The SQLite driver names its failures with
 * stable codes ({@code [SQLITE_BUSY] …}, {@code [SQLITE_FULL] …}) at the start of its {@link java.sql.SQLException}'s
 * message, somewhere in the cause chain (driver, Hibernate, store): those are said from the bundle, so a Chinese operator does not read an English
 * driver message. Any other cause shows its own message, as before.
 */
public final class FailureTexts {
    /** SQLite result codes and the bundle key that explains them. Order matters: the first match wins. */
    private static final String[][] DATABASE = {
        {"SQLITE_BUSY", "failure.db.busy"},
        {"SQLITE_LOCKED", "failure.db.busy"},
        {"SQLITE_FULL", "failure.db.full"},
        {"SQLITE_READONLY", "failure.db.readOnly"},
        {"SQLITE_CORRUPT", "failure.db.damaged"},
        {"SQLITE_NOTADB", "failure.db.damaged"},
        {"SQLITE_IOERR", "failure.db.io"},
        {"SQLITE_CANTOPEN", "failure.db.io"},
    };

    private FailureTexts() {
    }

    /** The reason to show for {@code error}: a known database failure in the UI language, else its own message. */
    public static String describe(I18n i18n, Throwable error) {
        Throwable top = unwrap(error);
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = top; c != null && seen.add(c); c = c.getCause()) {
            // only the driver's own exception: another message may merely quote a code (a path, a rule's text)
            String m = c instanceof java.sql.SQLException ? c.getMessage() : null;
            if (m == null) {
                continue;
            }
            for (String[] known : DATABASE) {
                if (m.startsWith("[" + known[0]) || m.contains(" [" + known[0])) {
                    return i18n.t(known[1]);
                }
            }
        }
        return top == null ? "" : top.getMessage() == null ? top.getClass().getSimpleName() : top.getMessage();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 16 && (t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null && t.getCause() != t; depth++) {
            t = t.getCause();
        }
        return t;
    }
}
