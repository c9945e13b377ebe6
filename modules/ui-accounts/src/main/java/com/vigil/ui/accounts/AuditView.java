package com.vigil.ui.accounts;

import com.vigil.accounts.AccountException;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditAction;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.AuditTrail;
import com.vigil.accounts.ProtectedAction;
import com.vigil.accounts.Session;
import com.vigil.accounts.VerifyResult;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;

/**
 * The audit trail: filter, read, verify the hash chain, export. Read-only: the trail is append-only. The export
 * goes through {@link AccountService#exportAudit}: it needs AUDIT_EXPORT and is itself audited (a refusal too).
 */
public final class AuditView extends BorderPane {
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final int LIMIT = 50_000;

    private final AccountService service;
    private final Supplier<Session> session;
    private final AuditTrail trail;
    private final TaskRunner runner;
    private final I18n i18n;
    private final TableView<AuditEntry> table = new TableView<>();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final TextField user = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final Label message = new Label();

    /** @param session the acting session, read on the FX thread when exporting */
    public AuditView(AccountService service, Supplier<Session> session, TaskRunner runner, I18n i18n) {
        this.service = service;
        this.session = session;
        this.trail = service.audit();
        this.runner = runner;
        this.i18n = i18n;
        setId("audit-view");
        getStyleClass().add(Styles.APP);
        from.setPromptText("2026-11-23 08:00");
        to.setPromptText("2026-11-23 16:00");
        from.setId("audit-from");
        to.setId("audit-to");
        user.setId("audit-user");
        user.setPromptText(i18n.t("audit.user"));
        action.setId("audit-action");
        action.getItems().add(i18n.t("audit.allActions"));
        for (AuditAction a : AuditAction.values()) {
            action.getItems().add(a.name());
        }
        action.getSelectionModel().select(0);
        // the items stay the stored codes (the filter needs them); the operator reads them in their language
        action.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return i18n.code("audit.action.", code); // "All actions" has no such key: shown as it is
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Button load = button("audit-load", "audit.load", this::load);
        Button verify = button("audit-verify", "audit.verify", this::verify);
        Button export = button("audit-export", "audit.export", this::chooseExport);
        message.setId("audit-message");
        message.getStyleClass().add(Styles.MESSAGE);
        FlowPane bar = new FlowPane(6, 6, new Label(i18n.t("history.from")), from, new Label(i18n.t("history.to")), to,
                user, action, load, verify, export, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);
        table.setId("audit-table");
        table.setPlaceholder(new Label(i18n.t("audit.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col("audit.col.seq", e -> String.valueOf(e.seq()), 50);
        col("history.col.time", e -> SHOWN.format(e.time()), 140);
        // on screen in the reader's language; the export and the hash chain keep the stored codes
        col("history.col.user", e -> e.user() + (e.role() == null ? "" : " (" + i18n.code("role.", e.role()) + ")"), 170);
        col("audit.col.action", e -> i18n.code("audit.action.", e.action()), 130);
        col("audit.col.outcome", e -> i18n.code("audit.outcome.", e.outcome()), 80);
        col("audit.col.target", AuditEntry::target, 130);
        col("audit.col.change", e -> nz(e.before()) + " → " + nz(e.after()), 160);
        col("history.col.comment", AuditEntry::comment, 200);
        col("audit.col.hash", e -> e.hash() == null ? "" : e.hash().substring(0, Math.min(12, e.hash().length())), 100);
        setTop(bar);
        setCenter(table);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private Button button(String id, String key, Runnable r) {
        return Controls.actionButton(i18n, id, key, r);
    }

    private void col(String key, Function<AuditEntry, String> f, double w) {
        Controls.textColumn(table, i18n, key, f, w);
    }

    /** The filter from the fields, or null after showing what is wrong with them. */
    AuditFilter filter() {
        try {
            Instant f = from.getText().isBlank() ? null
                    : LocalDateTime.parse(from.getText().trim(), INPUT).atZone(ZoneId.systemDefault()).toInstant();
            Instant t = to.getText().isBlank() ? null
                    : LocalDateTime.parse(to.getText().trim(), INPUT).atZone(ZoneId.systemDefault()).toInstant();
            String a = action.getSelectionModel().getSelectedIndex() <= 0 ? null : action.getValue();
            return new AuditFilter(f, t, user.getText().isBlank() ? null : user.getText().trim(),
                    a == null ? Set.of() : Set.of(a));
        } catch (DateTimeParseException e) {
            error(i18n.t("history.badTime", e.getParsedString()));
            return null;
        }
    }

    public void load() {
        AuditFilter f = filter();
        if (f == null) {
            return;
        }
        runner.run(() -> trail.find(f, LIMIT), rows -> {
            table.setItems(FXCollections.observableArrayList(rows));
            info(i18n.t("history.count", rows.size()));
        }, e -> error(i18n.t("audit.failed", com.vigil.ui.kit.FailureTexts.describe(i18n, e))));
    }

    public void verify() {
        runner.run(trail::verify, (VerifyResult r) -> {
            if (r.ok()) {
                info(i18n.t("audit.ok", r.entries()));
            } else {
                error(i18n.t("audit.tampered", r.seq(), String.valueOf(r.problem()), r.detail()));
            }
        }, e -> error(i18n.t("audit.failed", com.vigil.ui.kit.FailureTexts.describe(i18n, e))));
    }

    private void chooseExport() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName("vigil-audit.csv");
        java.io.File file = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            export(file.toPath());
        }
    }

    /**
     * Exports the entries matching the filter to {@code file} for the acting session (needs AUDIT_EXPORT; audited).
     * A refused export does not touch the file.
     */
    public void export(Path file) {
        AuditFilter f = filter();
        if (f == null) {
            return;
        }
        Session s = session.get();
        if (s == null) {
            error(i18n.t("accounts.noSession"));
            return;
        }
        runner.run(() -> {
            service.require(s, ProtectedAction.AUDIT_EXPORT, "audit"); // before the file is opened
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                return service.exportAudit(s, f, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, n -> info(i18n.t("history.exported", n, file.toString())),
                e -> error(e instanceof AccountException ? AccountTexts.error(i18n, e)
                        : i18n.t("history.exportFailed", file.toString(), com.vigil.ui.kit.FailureTexts.describe(i18n, e))));
    }

    private void info(String s) {
        message.getStyleClass().setAll("label", Styles.MESSAGE);
        message.setText(s);
    }

    private void error(String s) {
        message.getStyleClass().setAll("label", Styles.MESSAGE_ERROR);
        message.setText(s);
    }

    public TableView<AuditEntry> table() {
        return table;
    }

    public Label message() {
        return message;
    }

    public TextField userField() {
        return user;
    }
}
