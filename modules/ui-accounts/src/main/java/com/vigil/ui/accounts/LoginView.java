package com.vigil.ui.accounts;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.LoginResult;
import com.vigil.accounts.Session;
import com.vigil.accounts.UserInfo;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The log-in screen: user name and password, the wall-screen (view-only) start, and on a demo database the
 * clearly marked demo accounts. On a real database without any account it is the first-administrator form
 * instead. The same screen serves the user switch at a shared desk (shift handover), where the outgoing session
 * ends only when the incoming user has logged in (from a lock screen without the wall-screen start, which would end
 * the locked user's session without their password). Passwords are compared exactly as typed (a hint shows when
 * Caps Lock is on); user names ignore case.
 */
public final class LoginView extends StackPane {
    private final AccountService service;
    private final TaskRunner runner;
    private final I18n i18n;
    private final ZoneId zone;
    private final String station;
    private final Consumer<Session> onSession;
    private final Session switchFrom;
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField comment = new TextField();
    private final Label message = new Label();
    private final Label caps = new Label();
    private final TextField adminUser = new TextField();
    private final TextField adminDisplay = new TextField();
    private final PasswordField adminPassword = new PasswordField();
    private final PasswordField adminPassword2 = new PasswordField();
    private final VBox panel = new VBox();
    private final List<Button> buttons = new java.util.ArrayList<>();
    private final boolean firstAdmin;
    /** A log-in, switch or first-administrator step is running: Enter and the buttons do nothing meanwhile. */
    private boolean busy;

    private LoginView(AccountService service, TaskRunner runner, I18n i18n, ZoneId zone, String station,
                      Session switchFrom, boolean wallAllowed, Consumer<Session> onSession, Runnable onCancel) {
        this.service = service;
        this.runner = runner;
        this.i18n = i18n;
        this.zone = zone;
        this.station = station;
        this.switchFrom = switchFrom;
        this.onSession = onSession;
        setId("login-view");
        getStyleClass().add(Styles.LOGIN);
        message.setId("login-message");
        message.getStyleClass().add(Styles.MESSAGE);
        message.setWrapText(true);
        caps.setId("login-caps");
        caps.getStyleClass().add(Styles.FORM_HINT);
        // empty lines take no room
        caps.managedProperty().bind(caps.textProperty().isNotEmpty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label product = new Label(i18n.t("app.title"));
        product.getStyleClass().add(Styles.PANEL_TITLE);
        panel.getChildren().add(product);
        panel.getStyleClass().add(Styles.LOGIN_PANEL);
        panel.setMaxWidth(460);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        panel.setFillWidth(true);
        boolean demoDb = service.isDemoDatabase();
        firstAdmin = switchFrom == null && !demoDb && service.needsFirstAdmin();
        if (firstAdmin) {
            buildFirstAdmin();
        } else {
            buildLogin(demoDb, wallAllowed, onCancel);
        }
        getChildren().add(panel);
        StackPane.setAlignment(panel, Pos.CENTER);
    }

    /** The log-in (or, on a fresh real database, first-administrator) screen. */
    public static LoginView login(AccountService service, TaskRunner runner, I18n i18n, ZoneId zone, String station,
                                  Consumer<Session> onSession) {
        return new LoginView(service, runner, i18n, zone, station, null, true, onSession, null);
    }

    /**
     * The user switch: {@code current} ends only when the next user has logged in; cancel keeps it.
     *
     * @param fromLock {@code current} is locked: no wall-screen start (it would end the locked session without the
     *                 locked user's password); the handover needs a real log-in
     */
    public static LoginView switchUser(AccountService service, TaskRunner runner, I18n i18n, ZoneId zone,
                                       String station, Session current, boolean fromLock,
                                       Consumer<Session> onSession, Runnable onCancel) {
        return new LoginView(service, runner, i18n, zone, station, current, !fromLock, onSession, onCancel);
    }

    private void buildLogin(boolean demoDb, boolean wallAllowed, Runnable onCancel) {
        Label title = new Label(i18n.t(switchFrom == null ? "login.title" : "login.switchTitle"));
        title.getStyleClass().add(Styles.LOGIN_TITLE);
        panel.getChildren().add(title);
        if (switchFrom != null) {
            Label from = new Label(i18n.t("login.switchFrom", switchFrom.userName(),
                    AccountTexts.role(i18n, switchFrom.actor().role())));
            from.getStyleClass().add(Styles.FORM_HINT);
            from.setWrapText(true);
            panel.getChildren().add(from);
        }
        user.setId("login-user");
        user.setPromptText(i18n.t("login.user"));
        password.setId("login-password");
        password.setPromptText(i18n.t("login.password"));
        user.setOnAction(e -> password.requestFocus());
        password.setOnAction(e -> submit());
        password.addEventHandler(KeyEvent.KEY_RELEASED, e -> updateCaps());
        password.focusedProperty().addListener((o, a, b) -> updateCaps());
        Button ok = button("login-submit", switchFrom == null ? "login.submit" : "login.switchSubmit", this::submit);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(i18n.t("login.user")), user);
        form.addRow(1, new Label(i18n.t("login.password")), password);
        GridPane.setHgrow(user, javafx.scene.layout.Priority.ALWAYS);
        GridPane.setHgrow(password, javafx.scene.layout.Priority.ALWAYS);
        if (switchFrom != null) {
            comment.setId("login-comment");
            comment.setPromptText(i18n.t("login.handoverNote"));
            form.addRow(2, new Label(i18n.t("login.comment")), comment);
        }
        HBox actions = new HBox(8, ok);
        if (onCancel != null) {
            actions.getChildren().add(button("login-cancel", "login.cancel", onCancel));
        }
        actions.setAlignment(Pos.CENTER_LEFT);
        panel.getChildren().addAll(form, caps, actions, message);
        if (demoDb) {
            panel.getChildren().add(demoBox());
        }
        if (wallAllowed) {
            Label wallHint = new Label(i18n.t("login.wallHint"));
            wallHint.getStyleClass().add(Styles.FORM_HINT);
            wallHint.setWrapText(true);
            panel.getChildren().addAll(button("login-wall", "login.wall", this::wallScreen), wallHint);
        }
    }

    private Node demoBox() {
        VBox box = new VBox();
        box.setId("login-demo");
        box.getStyleClass().add(Styles.DEMO_BOX);
        Label head = new Label(i18n.t("login.demoTitle"));
        head.getStyleClass().add(Styles.PANEL_TITLE);
        HBox top = new HBox(8, AccountTexts.demoBadge(i18n), head);
        top.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label(i18n.t("login.demoNote"));
        note.getStyleClass().add(Styles.FORM_HINT);
        note.setWrapText(true);
        FlowPane list = new FlowPane(6, 6);
        for (UserInfo u : service.users().stream()
                .sorted(java.util.Comparator.comparing(UserInfo::role)).toList()) {
            if (u.demo() && u.enabled()) {
                Button b = new Button(i18n.t("login.demoAs", AccountTexts.role(i18n, u.role())));
                b.setId("demo-" + u.userName());
                b.getStyleClass().add(Styles.ACTION_BUTTON);
                b.setOnAction(e -> demo(u.userName()));
                buttons.add(b);
                list.getChildren().add(b);
            }
        }
        box.getChildren().addAll(top, note, list);
        return box;
    }

    private void buildFirstAdmin() {
        Label title = new Label(i18n.t("firstAdmin.title"));
        title.getStyleClass().add(Styles.LOGIN_TITLE);
        Label intro = new Label(i18n.t("firstAdmin.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.FORM_HINT);
        adminUser.setId("admin-user");
        adminDisplay.setId("admin-display");
        adminPassword.setId("admin-password");
        adminPassword2.setId("admin-password2");
        adminPassword.addEventHandler(KeyEvent.KEY_RELEASED, e -> updateCaps());
        adminPassword2.setOnAction(e -> createAdmin());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(i18n.t("login.user")), adminUser);
        form.addRow(1, new Label(i18n.t("users.displayName")), adminDisplay);
        form.addRow(2, new Label(i18n.t("login.password")), adminPassword);
        form.addRow(3, new Label(i18n.t("password.again")), adminPassword2);
        Label rule = new Label(AccountTexts.passwordRule(i18n, service.policy().passwords()));
        rule.getStyleClass().add(Styles.FORM_HINT);
        rule.setWrapText(true);
        panel.getChildren().addAll(title, intro, form, rule, caps,
                button("admin-create", "firstAdmin.create", this::createAdmin), message);
    }

    private Button button(String id, String key, Runnable r) {
        Button b = Controls.actionButton(i18n, id, key, r);
        buttons.add(b);
        return b;
    }

    private void updateCaps() {
        boolean on;
        try {
            on = Platform.isKeyLocked(KeyCode.CAPS).orElse(false);
        } catch (RuntimeException e) {
            on = false; // the platform cannot tell: no hint
        }
        caps.setText(on ? i18n.t("login.capsLock") : "");
    }

    /** Logs in (or switches to) the typed user. */
    public void submit() {
        if (busy) {
            return;
        }
        String name = user.getText() == null ? "" : user.getText().strip();
        if (name.isEmpty()) {
            AccountTexts.error(message, i18n.t("login.needUser"));
            user.requestFocus();
            return;
        }
        char[] pw = password.getText().toCharArray();
        String note = comment.getText() == null || comment.getText().isBlank() ? null : comment.getText().strip();
        run(() -> {
            try {
                return switchFrom == null ? service.login(name, pw) : service.switchUser(switchFrom, name, pw, note);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, name);
    }

    private void demo(String name) {
        if (busy) {
            return;
        }
        String note = comment.getText() == null || comment.getText().isBlank() ? null : comment.getText().strip();
        run(() -> switchFrom == null ? service.loginDemo(name) : service.switchUser(switchFrom, name, null, note),
                name);
    }

    private void wallScreen() {
        if (busy) {
            return;
        }
        busy(true);
        runner.run(() -> {
            if (switchFrom != null) {
                service.logout(switchFrom);
            }
            return service.startWallScreen(station);
        }, s -> {
            busy(false);
            onSession.accept(s);
        }, e -> {
            busy(false);
            AccountTexts.error(message, AccountTexts.error(i18n, e));
        });
    }

    private void run(Supplier<LoginResult> work, String name) {
        busy(true);
        AccountTexts.info(message, i18n.t("login.checking"));
        runner.run(work, r -> {
            busy(false);
            if (r.ok()) {
                password.clear();
                AccountTexts.info(message, "");
                onSession.accept(r.session());
            } else {
                password.clear();
                password.requestFocus();
                AccountTexts.error(message, AccountTexts.loginFailure(i18n, service, name, r, zone));
            }
        }, e -> {
            busy(false);
            AccountTexts.error(message, AccountTexts.error(i18n, e));
        });
    }

    private void createAdmin() {
        if (busy) {
            return;
        }
        String name = adminUser.getText() == null ? "" : adminUser.getText().strip();
        if (name.isEmpty()) {
            AccountTexts.error(message, i18n.t("login.needUser"));
            return;
        }
        Optional<String> problem = AccountTexts.newPassword(i18n, service.policy().passwords(), name,
                adminPassword.getText(), adminPassword2.getText());
        if (problem.isPresent()) {
            AccountTexts.error(message, problem.get());
            return;
        }
        String display = adminDisplay.getText() == null || adminDisplay.getText().isBlank() ? name
                : adminDisplay.getText().strip();
        char[] pw = adminPassword.getText().toCharArray();
        busy(true);
        runner.run(() -> {
            try {
                return service.createFirstAdmin(name, display, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, s -> {
            busy(false);
            adminPassword.clear();
            adminPassword2.clear();
            onSession.accept(s);
        }, e -> {
            busy(false);
            AccountTexts.error(message, AccountTexts.error(i18n, e));
        });
    }

    private void busy(boolean b) {
        busy = b;
        buttons.forEach(x -> x.setDisable(b));
    }

    /** True when this is the first-administrator form (a real database without accounts). */
    public boolean firstAdmin() {
        return firstAdmin;
    }

    public Label message() {
        return message;
    }

    /** Puts the keyboard focus on the first field. */
    public void focusFirst() {
        (firstAdmin ? adminUser : user).requestFocus();
    }
}
