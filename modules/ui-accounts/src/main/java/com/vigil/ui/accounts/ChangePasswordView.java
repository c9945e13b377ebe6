package com.vigil.ui.accounts;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.Session;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.util.Arrays;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The logged-in user changes their own password (old password required; the policy's rule shown). */
public final class ChangePasswordView extends StackPane {
    private final AccountService service;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Session session;
    private final Runnable onChanged;
    private final PasswordField old = new PasswordField();
    private final PasswordField pw = new PasswordField();
    private final PasswordField pw2 = new PasswordField();
    private final Label message = new Label();
    private final Button change;
    /** A change is being checked: Enter and the button do nothing meanwhile. */
    private boolean busy;

    /**
     * @param onChanged after the password was changed
     * @param onCancel  the user gave up
     */
    public ChangePasswordView(AccountService service, TaskRunner runner, I18n i18n, Session session,
                              Runnable onChanged, Runnable onCancel) {
        this.service = service;
        this.runner = runner;
        this.i18n = i18n;
        this.session = session;
        this.onChanged = onChanged;
        setId("password-view");
        getStyleClass().add(Styles.LOCK_OVERLAY);
        Label title = new Label(i18n.t("password.title", session.userName()));
        title.getStyleClass().add(Styles.LOGIN_TITLE);
        old.setId("pw-old");
        pw.setId("pw-new");
        pw2.setId("pw-new2");
        pw2.setOnAction(e -> change());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(i18n.t("password.old")), old);
        form.addRow(1, new Label(i18n.t("password.new")), pw);
        form.addRow(2, new Label(i18n.t("password.again")), pw2);
        Label rule = new Label(AccountTexts.passwordRule(i18n, service.policy().passwords()));
        rule.getStyleClass().add(Styles.FORM_HINT);
        rule.setWrapText(true);
        change = Controls.actionButton(i18n, "pw-change", "password.change", this::change);
        Button cancel = Controls.actionButton(i18n, "pw-cancel", "login.cancel", onCancel);
        message.setId("pw-message");
        message.getStyleClass().add(Styles.MESSAGE);
        message.setWrapText(true);
        HBox actions = new HBox(8, change, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(title, form, rule, actions, message);
        panel.getStyleClass().add(Styles.LOGIN_PANEL);
        panel.setMaxWidth(460);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        getChildren().add(panel);
    }

    /** Changes the password to the typed one. */
    public void change() {
        if (busy) {
            return;
        }
        Optional<String> problem = AccountTexts.newPassword(i18n, service.policy().passwords(), session.userName(),
                pw.getText(), pw2.getText());
        if (problem.isPresent()) {
            AccountTexts.error(message, problem.get());
            return;
        }
        char[] o = old.getText().toCharArray();
        char[] n = pw.getText().toCharArray();
        busy(true);
        runner.run(() -> {
            try {
                service.changePassword(session, o, n);
                return Boolean.TRUE;
            } finally {
                Arrays.fill(o, '\0');
                Arrays.fill(n, '\0');
            }
        }, ok -> {
            busy(false);
            old.clear();
            pw.clear();
            pw2.clear();
            onChanged.run();
        }, e -> {
            busy(false);
            AccountTexts.error(message, AccountTexts.error(i18n, e));
        });
    }

    private void busy(boolean b) {
        busy = b;
        change.setDisable(b);
    }

    public Label message() {
        return message;
    }

    public void focusFirst() {
        old.requestFocus();
    }
}
