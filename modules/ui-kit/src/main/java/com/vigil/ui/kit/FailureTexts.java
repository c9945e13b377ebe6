package com.vigil.ui.kit;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why an action failed, in the UI language where the cause is a known one. SQLite names its failures with stable
 * codes ({@code [SQLITE_BUSY]}, {@code [SQLITE_FULL]} …) in the message of its exception, somewhere in the cause
 * chain (driver, Hibernate, store): those are said from the bundle, so a Chinese operator does not read an English
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
        for (Throwable c = top; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m == null) {
                continue;
            }
            for (String[] known : DATABASE) {
                if (m.contains(known[0])) {
                    return i18n.t(known[1]);
                }
            }
        }
        return top == null ? "" : top.getMessage() == null ? top.getClass().getSimpleName() : top.getMessage();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
