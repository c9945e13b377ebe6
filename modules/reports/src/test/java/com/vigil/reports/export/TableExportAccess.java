package com.vigil.reports.export;

/** Test access to package-private helpers. */
public final class TableExportAccess {
    private TableExportAccess() {
    }

    public static String column(int i) {
        return TableExport.column(i);
    }
}
