package com.vigil.app.console;

import com.vigil.accounts.AccountException;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.Session;
import com.vigil.app.runtime.CompositeRuleAlarms;
import com.vigil.app.runtime.ConsoleRuleAdmin;
import com.vigil.app.runtime.RuleBook;
import com.vigil.persistence.rules.ConsoleRuleRow;
import com.vigil.persistence.rules.ConsoleRuleStore;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.warning.online.OnlineCompositeRules;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Writing a composite rule in the console: id, condition, grade, the tag the alarm is shown on, message and guidance
 * in Chinese and English. "Check" shows what is wrong (in the condition: line and column, with the caret put there)
 * or what the rule reads; "Save" (engineers and administrators, with a comment) saves it to the database, runs it at
 * once and records it in the audit trail. A failed check or save keeps everything typed. A rule of the plant file is
 * shown read-only: it is changed in the plant file.
 */
final class RuleEditor extends VBox {
    private final RuleBook book;
    private final ConsoleRuleAdmin admin;
    private final AccountService accounts;
    private final Supplier<Session> session;
    private final TaskRunner runner;
    private final I18n i18n;
    private final TextField id = new TextField();
    private final TextArea when = new TextArea();
    private final ComboBox<Integer> grade = new ComboBox<>();
    private final TextField tag = new TextField();
    private final CheckBox enabled = new CheckBox();
    private final TextField messageZh = new TextField();
    private final TextField messageEn = new TextField();
    private final TextField guidanceZh = new TextField();
    private final TextField guidanceEn = new TextField();
    private final TextField comment = new TextField();
    private final Button check;
    private final Button save;
    private final Button fresh;
    private final Label message = new Label();
    /** The revision of the console rule being edited (0: a new rule). */
    private long baseRevision;
    /** The loaded rule is the plant file's: read-only. */
    private boolean plantRule;
    private boolean busy;
    /** The form as last loaded or saved: anything else is an unsaved change. */
    private ConsoleRuleAdmin.Draft loaded;

    RuleEditor(RuleBook book, AccountService accounts, Supplier<Session> session, TaskRunner runner, I18n i18n) {
        this.book = book;
        this.admin = new ConsoleRuleAdmin(book);
        this.accounts = accounts;
        this.session = session;
        this.runner = runner;
        this.i18n = i18n;
        setId("rule-editor");
        setSpacing(6);
        setPadding(new Insets(6, 10, 10, 10));
        getStyleClass().add(Styles.ACTION_BAR);

        Label title = new Label(i18n.t("ew.rule.editor.title"));
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Label hint = new Label(i18n.t("ew.rule.editor.hint"));
        hint.getStyleClass().add(Styles.FORM_HINT);
        hint.setWrapText(true);

        id.setId("rule-id");
        id.setPromptText(i18n.t("ew.rule.id.prompt"));
        when.setId("rule-when");
        when.setPromptText(i18n.t("ew.rule.when.prompt"));
        when.setPrefRowCount(3);
        when.setWrapText(true);
        grade.setId("rule-grade");
        grade.getItems().setAll(1, 2, 3, 4);
        grade.setValue(2);
        tag.setId("rule-tag");
        tag.setPromptText(i18n.t("ew.rule.tag.prompt"));
        enabled.setId("rule-enabled");
        enabled.setText(i18n.t("ew.rule.enabled"));
        enabled.setSelected(true);
        messageZh.setId("rule-message-zh");
        messageEn.setId("rule-message-en");
        guidanceZh.setId("rule-guidance-zh");
        guidanceEn.setId("rule-guidance-en");
        comment.setId("rule-comment");
        comment.setPromptText(i18n.t("ew.comment.prompt"));
        message.setId("rule-message");
        message.getStyleClass().add(Styles.MESSAGE);
        message.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields, labels, fields);
        HBox idRow = new HBox(8, id, new Label(i18n.t("ew.rule.grade")), grade, enabled);
        idRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(id, Priority.ALWAYS);
        form.addRow(0, new Label(i18n.t("ew.rule.id")), idRow, new Label(i18n.t("ew.rule.tag")), tag);
        form.add(new Label(i18n.t("ew.rule.when")), 0, 1);
        form.add(when, 1, 1, 3, 1);
        form.addRow(2, new Label(i18n.t("ew.rule.message.zh")), messageZh, new Label(i18n.t("ew.rule.message.en")), messageEn);
        form.addRow(3, new Label(i18n.t("ew.rule.guidance.zh")), guidanceZh, new Label(i18n.t("ew.rule.guidance.en")), guidanceEn);

        fresh = Controls.actionButton(i18n, "rule-new", "ew.rule.new", this::startNew);
        check = Controls.actionButton(i18n, "rule-check", "ew.rule.check", this::check);
        save = Controls.actionButton(i18n, "rule-save", "ew.rule.save", this::save);
        HBox actions = new HBox(8, comment, fresh, check, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(comment, Priority.ALWAYS);
        getChildren().setAll(title, hint, form, actions, message);
        refresh();
    }

    /** Whether the form holds changes that are not saved. */
    boolean dirty() {
        return !plantRule && loaded != null && !draft().equals(loaded);
    }

    /**
     * Loads the selected rule: a console rule to change, a plant-file rule to read. Refused (false, with a message)
     * while the form holds unsaved changes: nothing typed is thrown away by a click in the table.
     */
    boolean show(String ruleId) {
        if (busy || ruleId == null) {
            return false;
        }
        if (dirty()) {
            error(i18n.t("ew.rule.unsaved"));
            return false;
        }
        ConsoleRuleRow row = book.inPlantFile(ruleId) ? null : book.consoleRule(ruleId).orElse(null);
        PlantDefinition.RuleDef def = row != null ? RuleBook.toDef(row) : book.def(ruleId).orElse(null);
        if (def == null) {
            return false;
        }
        plantRule = row == null;
        baseRevision = row == null ? 0 : row.revision();
        id.setText(def.id());
        when.setText(def.when());
        grade.setValue(def.grade());
        tag.setText(def.tag() == null ? "" : def.tag());
        enabled.setSelected(row == null || row.enabled());
        messageZh.setText(def.message().getOrDefault("zh", ""));
        messageEn.setText(def.message().getOrDefault("en", ""));
        guidanceZh.setText(def.guidance().getOrDefault("zh", ""));
        guidanceEn.setText(def.guidance().getOrDefault("en", ""));
        ok(plantRule ? i18n.t("ew.rule.fromPlantFile", def.file(), def.whenLine())
                : i18n.t("ew.rule.loaded", row.changedBy(), row.revision()));
        loaded = draft();
        refresh();
        return true;
    }

    /** Empties the form for a new rule. */
    void startNew() {
        if (busy) {
            return;
        }
        plantRule = false;
        baseRevision = 0;
        for (TextField f : new TextField[] {id, tag, messageZh, messageEn, guidanceZh, guidanceEn}) {
            f.clear();
        }
        when.clear();
        grade.setValue(2);
        enabled.setSelected(true);
        ok("");
        loaded = draft();
        refresh();
        id.requestFocus();
    }

    /** Enables what the session may use. */
    void refresh() {
        boolean allowed = ConsoleRuleAdmin.allowed(accounts, session.get());
        boolean editable = allowed && !busy && !plantRule;
        id.setDisable(!editable || baseRevision != 0);
        for (javafx.scene.Node n : new javafx.scene.Node[] {when, grade, tag, enabled, messageZh, messageEn,
                guidanceZh, guidanceEn, comment, save}) {
            n.setDisable(!editable);
        }
        check.setDisable(!editable);
        fresh.setDisable(!allowed || busy);
        if (!allowed && message.getText().isEmpty()) {
            ok(i18n.t("ew.rule.notAllowed"));
        } else if (allowed && message.getText().equals(i18n.t("ew.rule.notAllowed"))) {
            ok("");
        }
    }

    private ConsoleRuleAdmin.Draft draft() {
        return new ConsoleRuleAdmin.Draft(id.getText(), when.getText(), grade.getValue() == null ? 0 : grade.getValue(),
                tag.getText(), messageZh.getText(), messageEn.getText(), guidanceZh.getText(), guidanceEn.getText(),
                enabled.isSelected(), baseRevision);
    }

    /** Checks without saving: what the rule reads, or what is wrong. */
    void check() {
        try {
            OnlineCompositeRules.Definition d = admin.check(draft());
            ok(d == null ? i18n.t("ew.rule.checkedOff") : i18n.t("ew.rule.checked", String.join(", ", d.rule().tags()),
                    d.rule().forMillis() / 1000, d.clearMillis() / 1000, d.valueTag()));
        } catch (ConsoleRuleAdmin.DraftProblem p) {
            problem(p);
        }
    }

    /** Saves in the background; everything typed stays when it fails. */
    void save() {
        Session s = session.get();
        if (busy || s == null || plantRule) {
            return;
        }
        String why = comment.getText();
        if (why == null || why.isBlank()) {
            error(i18n.t("ew.rule.comment.required"));
            comment.requestFocus();
            return;
        }
        ConsoleRuleAdmin.Draft d = draft();
        try {
            admin.check(d); // at once, on this thread: the caret goes to the mistake
        } catch (ConsoleRuleAdmin.DraftProblem p) {
            problem(p);
            return;
        }
        busy = true;
        ok(i18n.t("ew.rule.saving"));
        refresh();
        runner.run(() -> {
            try {
                return admin.save(accounts, s, d, why);
            } catch (ConsoleRuleAdmin.DraftProblem p) {
                throw new java.util.concurrent.CompletionException(p);
            }
        }, saved -> {
            busy = false;
            baseRevision = saved.revision();
            loaded = draft();
            comment.clear();
            ok(i18n.t(saved.enabled() ? "ew.rule.saved" : "ew.rule.savedOff", saved.id(), saved.revision()));
            refresh();
        }, error -> {
            busy = false;
            Throwable e = error;
            while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
                e = e.getCause();
            }
            if (e instanceof ConsoleRuleAdmin.DraftProblem p) {
                problem(p);
            } else if (e instanceof AccountException ae && ae.reason() == AccountException.Reason.NOT_ALLOWED) {
                error(i18n.t("ew.rule.notAllowed"));
            } else if (e instanceof ConsoleRuleStore.ConcurrentRuleChangeException c) {
                if (c.current() == null) {
                    error(i18n.t("ew.rule.err.gone", d.id()));
                } else if (baseRevision == 0) {
                    error(i18n.t("ew.rule.err.exists", d.id(), c.current().changedBy()));
                } else {
                    // the engineer's version stays; saving again replaces the other console's on purpose
                    baseRevision = c.current().revision();
                    error(i18n.t("ew.rule.err.concurrent", d.id(), c.current().changedBy(),
                            c.current().when().replaceAll("\\s+", " ")));
                }
            } else {
                error(i18n.t("ew.rule.failed", com.vigil.ui.kit.FailureTexts.describe(i18n, e)));
            }
            refresh();
        });
    }

    private void problem(ConsoleRuleAdmin.DraftProblem p) {
        switch (p.kind()) {
            case ID_INVALID -> {
                error(i18n.t("ew.rule.err.idInvalid", id.getText()));
                id.requestFocus();
            }
            case ID_IN_PLANT_FILE -> {
                error(i18n.t("ew.rule.err.idInPlantFile", id.getText().strip()));
                id.requestFocus();
            }
            case GRADE -> error(i18n.t("ew.rule.err.grade"));
            case NO_MESSAGE -> {
                error(i18n.t("ew.rule.err.noMessage"));
                messageZh.requestFocus();
            }
            case RULE -> {
                CompositeRuleAlarms.RuleProblem r = p.rule();
                error(RuleTexts.problem(i18n, id.getText().strip(), r));
                if (r.line() > 0) {
                    caretAt(r.line(), r.column());
                } else if (r.kind() == CompositeRuleAlarms.RuleProblem.Kind.UNKNOWN_DISPLAY_TAG) {
                    tag.requestFocus();
                }
            }
        }
    }

    /** Puts the caret at a 1-based line and column of the condition. */
    private void caretAt(int line, int column) {
        String text = when.getText();
        int pos = 0;
        for (int l = 1; l < line && pos < text.length(); pos++) {
            if (text.charAt(pos) == '\n') {
                l++;
            }
        }
        when.requestFocus();
        when.positionCaret(Math.min(text.length(), pos + column - 1));
    }

    private void ok(String text) {
        message.getStyleClass().remove(Styles.MESSAGE_ERROR);
        message.setText(text);
    }

    private void error(String text) {
        if (!message.getStyleClass().contains(Styles.MESSAGE_ERROR)) {
            message.getStyleClass().add(Styles.MESSAGE_ERROR);
        }
        message.setText(text);
    }

    /** The message line (tests). */
    String message() {
        return message.getText();
    }
}
