package com.vigil.ui.accounts;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.Session;
import com.vigil.accounts.UserInfo;
import com.vigil.model.Role;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * User management (needs USER_MANAGEMENT; the service checks every step and audits refusals): the accounts with
 * role, state, lock-out and demo flag; create a user with an initial password; change role, enable, disable,
 * unlock, reset password of the selected user, each with a comment for the audit trail. Refusals and errors
 * show in the window; what was typed stays until the step succeeds.
 */
public final class UserManagementView extends BorderPane {
    private final AccountService service;
    private final Supplier<Session> session;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final TableView<UserInfo> table = new TableView<>();
    private final Label message = new Label();
    private final TextField newUser = new TextField();
    private final TextField newDisplay = new TextField();
    private final ComboBox<Role> newRole = new ComboBox<>();
    private final PasswordField newPassword = new PasswordField();
    private final PasswordField newPassword2 = new PasswordField();
    private final ComboBox<Role> role = new ComboBox<>();
    private final TextField comment = new TextField();
    private final PasswordField resetPassword = new PasswordField();
    private final PasswordField resetPassword2 = new PasswordField();
    private final Label selected = new Label();

    /**
     * @param session the acting (administrator's) session, read on the FX thread at every step
     * @param clock   decides whether a lock-out is still in effect
     */
    public UserManagementView(AccountService service, Supplier<Session> session, TaskRunner runner, I18n i18n,
                              Clock clock) {
        this.service = service;
        this.session = session;
        this.runner = runner;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = ZoneId.systemDefault();
        setId("users-view");
        getStyleClass().add(Styles.APP);
        message.setId("users-message");
        message.getStyleClass().add(Styles.MESSAGE);
        message.setWrapText(true);

        Label title = new Label(i18n.t("users.title"));
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Button reload = button("users-reload", "users.reload", this::load);
        HBox bar = new HBox(10, title, reload, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);

        table.setId("users-table");
        table.getStyleClass().add(Styles.DATA_TABLE);
        table.setPlaceholder(new Label(i18n.t("users.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        col("users.col.user", UserInfo::userName, 130);
        col("users.col.display", UserInfo::displayName, 170);
        col("users.col.role", u -> AccountTexts.role(i18n, u.role()), 110);
        col("users.col.enabled", u -> i18n.t(u.enabled() ? "users.yes" : "users.no"), 70);
        col("users.col.locked", u -> u.lockedUntil() != null && u.lockedAt(clock.instant())
                ? time(u.lockedUntil()) : "", 130);
        TableColumn<UserInfo, String> demo = col("users.col.demo", u -> u.demo() ? i18n.t("demo.badge") : "", 60);
        demo.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(null);
                setGraphic(empty || v == null || v.isEmpty() ? null : AccountTexts.demoBadge(i18n));
            }
        });
        col("users.col.passwordChanged", u -> u.passwordChangedAt() == null ? "" : time(u.passwordChangedAt()), 130);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> {
            selected.setText(u == null ? i18n.t("users.noneSelected") : u.userName());
            if (u != null) {
                role.setValue(u.role());
            }
        });

        setTop(bar);
        setCenter(table);
        HBox forms = new HBox(24, createForm(), selectedForm());
        forms.setPadding(new javafx.geometry.Insets(6, 10, 10, 10));
        setBottom(forms);
        selected.setText(i18n.t("users.noneSelected"));
    }

    private VBox createForm() {
        newUser.setId("new-user");
        newDisplay.setId("new-display");
        newRole.setId("new-role");
        newRole.getItems().setAll(Role.values());
        newRole.setValue(Role.OPERATOR);
        newRole.setCellFactory(l -> new AccountTexts.RoleCell(i18n));
        newRole.setButtonCell(new AccountTexts.RoleCell(i18n));
        newPassword.setId("new-password");
        newPassword2.setId("new-password2");
        GridPane g = grid();
        g.addRow(0, new Label(i18n.t("login.user")), newUser);
        g.addRow(1, new Label(i18n.t("users.displayName")), newDisplay);
        g.addRow(2, new Label(i18n.t("users.col.role")), newRole);
        g.addRow(3, new Label(i18n.t("users.initialPassword")), newPassword);
        g.addRow(4, new Label(i18n.t("password.again")), newPassword2);
        Label head = new Label(i18n.t("users.create.title"));
        head.getStyleClass().add(Styles.PANEL_TITLE);
        Label rule = new Label(AccountTexts.passwordRule(i18n, service.policy().passwords()));
        rule.getStyleClass().add(Styles.FORM_HINT);
        VBox box = new VBox(6, head, g, rule, button("user-create", "users.create", this::create));
        box.getStyleClass().add(Styles.ACTION_BAR);
        return box;
    }

    private VBox selectedForm() {
        selected.setId("users-selected");
        selected.getStyleClass().add(Styles.SESSION_USER);
        role.setId("user-role");
        role.getItems().setAll(Role.values());
        role.setCellFactory(l -> new AccountTexts.RoleCell(i18n));
        role.setButtonCell(new AccountTexts.RoleCell(i18n));
        comment.setId("user-comment");
        comment.setPromptText(i18n.t("users.commentPrompt"));
        comment.setPrefColumnCount(24);
        resetPassword.setId("reset-password");
        resetPassword2.setId("reset-password2");
        GridPane g = grid();
        g.addRow(0, new Label(i18n.t("users.selected")), selected);
        g.addRow(1, new Label(i18n.t("history.col.comment")), comment);
        g.addRow(2, new Label(i18n.t("users.col.role")),
                new HBox(6, role, button("user-change-role", "users.changeRole", this::changeRole)));
        g.addRow(3, new Label(i18n.t("users.state")), new FlowPane(6, 6,
                button("user-enable", "users.enable", () -> setEnabled(true)),
                button("user-disable", "users.disable", () -> setEnabled(false)),
                button("user-unlock", "users.unlock", this::unlock)));
        g.addRow(4, new Label(i18n.t("password.new")), resetPassword);
        g.addRow(5, new Label(i18n.t("password.again")),
                new HBox(6, resetPassword2, button("user-reset-password", "users.resetPassword", this::reset)));
        Label head = new Label(i18n.t("users.selected.title"));
        head.getStyleClass().add(Styles.PANEL_TITLE);
        VBox box = new VBox(6, head, g);
        box.getStyleClass().add(Styles.ACTION_BAR);
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        return g;
    }

    private String time(Instant i) {
        return AccountTexts.DAY_TIME.format(i.atZone(zone));
    }

    private Button button(String id, String key, Runnable r) {
        return Controls.actionButton(i18n, id, key, r);
    }

    private TableColumn<UserInfo, String> col(String key, Function<UserInfo, String> f, double w) {
        return Controls.textColumn(table, i18n, key, f, w);
    }

    /** Reads the accounts again, keeping the selection. */
    public void load() {
        String keep = Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(UserInfo::userName)
                .orElse(null);
        runner.run(service::users, (List<UserInfo> rows) -> {
            table.setItems(FXCollections.observableArrayList(rows));
            if (keep != null) {
                rows.stream().filter(u -> u.userName().equalsIgnoreCase(keep)).findFirst()
                        .ifPresent(u -> table.getSelectionModel().select(u));
            }
        }, e -> AccountTexts.error(message, AccountTexts.error(i18n, e)));
    }

    private void create() {
        String name = newUser.getText() == null ? "" : newUser.getText().strip();
        if (name.isEmpty()) {
            AccountTexts.error(message, i18n.t("login.needUser"));
            return;
        }
        Optional<String> problem = AccountTexts.newPassword(i18n, service.policy().passwords(), name,
                newPassword.getText(), newPassword2.getText());
        if (problem.isPresent()) {
            AccountTexts.error(message, problem.get());
            return;
        }
        String display = newDisplay.getText() == null || newDisplay.getText().isBlank() ? name
                : newDisplay.getText().strip();
        Role r = newRole.getValue() == null ? Role.OPERATOR : newRole.getValue();
        Session s = acting();
        if (s == null) {
            return;
        }
        char[] pw = newPassword.getText().toCharArray();
        runner.run(() -> {
            try {
                return service.createUser(s, name, display, r, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, u -> {
            newUser.clear();
            newDisplay.clear();
            newPassword.clear();
            newPassword2.clear();
            AccountTexts.info(message, i18n.t("users.done.create", u.userName(), AccountTexts.role(i18n, u.role())));
            load();
        }, e -> AccountTexts.error(message, AccountTexts.error(i18n, e)));
    }

    /** The acting session, read here on the FX thread; null after saying that nobody is logged in. */
    private Session acting() {
        Session s = session.get();
        if (s == null) {
            AccountTexts.error(message, i18n.t("accounts.noSession"));
        }
        return s;
    }

    /** The selected user and the (required) comment, or null after saying what is missing. */
    private UserInfo target() {
        UserInfo u = table.getSelectionModel().getSelectedItem();
        if (u == null) {
            AccountTexts.error(message, i18n.t("users.selectFirst"));
            return null;
        }
        if (comment.getText() == null || comment.getText().isBlank()) {
            AccountTexts.error(message, i18n.t("users.commentRequired"));
            comment.requestFocus();
            return null;
        }
        return u;
    }

    private void changeRole() {
        UserInfo u = target();
        if (u == null || role.getValue() == null) {
            return;
        }
        Role r = role.getValue();
        String c = comment.getText().strip();
        Session s = acting();
        if (s == null) {
            return;
        }
        act(() -> service.changeRole(s, u.userName(), r, c),
                x -> i18n.t("users.done.role", x.userName(), AccountTexts.role(i18n, x.role())));
    }

    private void setEnabled(boolean enabled) {
        UserInfo u = target();
        if (u == null) {
            return;
        }
        String c = comment.getText().strip();
        Session s = acting();
        if (s == null) {
            return;
        }
        act(() -> service.setEnabled(s, u.userName(), enabled, c),
                x -> i18n.t(enabled ? "users.done.enable" : "users.done.disable", x.userName()));
    }

    private void unlock() {
        UserInfo u = target();
        if (u == null) {
            return;
        }
        String c = comment.getText().strip();
        Session s = acting();
        if (s == null) {
            return;
        }
        act(() -> service.unlockAccount(s, u.userName(), c), x -> i18n.t("users.done.unlock", x.userName()));
    }

    private void reset() {
        UserInfo u = target();
        if (u == null) {
            return;
        }
        Optional<String> problem = AccountTexts.newPassword(i18n, service.policy().passwords(), u.userName(),
                resetPassword.getText(), resetPassword2.getText());
        if (problem.isPresent()) {
            AccountTexts.error(message, problem.get());
            return;
        }
        String c = comment.getText().strip();
        Session s = acting();
        if (s == null) {
            return;
        }
        char[] pw = resetPassword.getText().toCharArray();
        act(() -> {
            try {
                return service.resetPassword(s, u.userName(), pw, c);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, x -> {
            resetPassword.clear();
            resetPassword2.clear();
            return i18n.t("users.done.reset", x.userName());
        });
    }

    private void act(Supplier<UserInfo> work, Function<UserInfo, String> done) {
        runner.run(work, x -> {
            comment.clear();
            AccountTexts.info(message, done.apply(x));
            load();
        }, e -> AccountTexts.error(message, AccountTexts.error(i18n, e)));
    }

    public TableView<UserInfo> table() {
        return table;
    }

    public Label message() {
        return message;
    }
}
