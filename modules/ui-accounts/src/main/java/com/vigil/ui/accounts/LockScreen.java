package com.vigil.ui.accounts;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.Session;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Covers the console while a workstation session is locked (idle or by hand): says who is locked, unlocks with
 * that user's password ({@link AccountService#unlockSession}; a demo session unlocks without), or hands over to
 * another user (switch user). Nothing underneath can be used meanwhile.
 */
public final class LockScreen extends StackPane {
    private final AccountService service;
    private final TaskRunner runner;
    private final I18n i18n;
    private final ZoneId zone;
    private final Session session;
    private final Consumer<Session> onUnlocked;
    private final PasswordField password = new PasswordField();
    private final Label message = new Label();
    private final Button unlock;
    private final Button switchUser;
    /** An unlock is being checked: Enter and the button do nothing meanwhile. */
    private boolean busy;

    public LockScreen(AccountService service, TaskRunner runner, I18n i18n, ZoneId zone, Session session,
                      Consumer<Session> onUnlocked, Runnable onSwitch) {
        this.service = service;
        this.runner = runner;
        this.i18n = i18n;
        this.zone = zone;
        this.session = session;
        this.onUnlocked = onUnlocked;
        setId("lock-screen");
        getStyleClass().add(Styles.LOCK_OVERLAY);
        Label title = new Label(i18n.t("lock.title"));
        title.getStyleClass().add(Styles.LOGIN_TITLE);
        Label who = new Label(i18n.t("lock.who", session.userName(), AccountTexts.role(i18n, session.actor().role())));
        who.setId("lock-user");
        who.getStyleClass().add(Styles.SESSION_USER);
        HBox whoRow = new HBox(8, who);
        whoRow.setAlignment(Pos.CENTER_LEFT);
        if (session.demo()) {
            whoRow.getChildren().add(AccountTexts.demoBadge(i18n));
        }
        Label hint = new Label(i18n.t(session.demo() ? "lock.demoHint" : "lock.hint"));
        hint.getStyleClass().add(Styles.FORM_HINT);
        hint.setWrapText(true);
        password.setId("unlock-password");
        password.setPromptText(i18n.t("login.password"));
        password.setOnAction(e -> unlock());
        password.setVisible(!session.demo());
        password.setManaged(!session.demo());
        unlock = Controls.actionButton(i18n, "unlock-submit", "lock.unlock", this::unlock);
        switchUser = Controls.actionButton(i18n, "unlock-switch", "lock.switch", onSwitch);
        message.setId("unlock-message");
        message.getStyleClass().add(Styles.MESSAGE);
        message.setWrapText(true);
        HBox actions = new HBox(8, unlock, switchUser);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(title, whoRow, hint, password, actions, message);
        panel.getStyleClass().add(Styles.LOGIN_PANEL);
        panel.setMaxWidth(420);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        getChildren().add(panel);
    }

    /** Unlocks with the typed password. */
    public void unlock() {
        if (busy) {
            return;
        }
        char[] pw = password.getText().toCharArray();
        busy(true);
        runner.run(() -> {
            try {
                return service.unlockSession(session, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, r -> {
            busy(false);
            password.clear();
            if (r.ok()) {
                onUnlocked.accept(r.session());
            } else {
                password.requestFocus();
                AccountTexts.error(message, AccountTexts.loginFailure(i18n, service, session.userName(), r, zone));
            }
        }, e -> {
            busy(false);
            AccountTexts.error(message, AccountTexts.error(i18n, e));
        });
    }

    private void busy(boolean b) {
        busy = b;
        unlock.setDisable(b);
    }

    public Label message() {
        return message;
    }

    public void focusFirst() {
        (session.demo() ? unlock : password).requestFocus();
    }
}
