package com.vigil.ui.accounts;

import com.vigil.accounts.AccessDeniedException;
import com.vigil.accounts.AccountException;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.LoginResult;
import com.vigil.accounts.PasswordPolicy;
import com.vigil.accounts.UserInfo;
import com.vigil.model.Role;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;

/** What the account screens say: log-in failures, password rules and refusals, in the UI language. */
final class AccountTexts {
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AccountTexts() {
    }

    /**
     * Why a log-in, unlock or switch failed. A lock-out names the time it ends (HH:mm); the account exists in that
     * case, so naming the time reveals nothing about unknown user names.
     */
    static String loginFailure(I18n i18n, AccountService service, String userName, LoginResult r, ZoneId zone) {
        LoginResult.Failure f = r.failure() == null ? LoginResult.Failure.BAD_CREDENTIALS : r.failure();
        return switch (f) {
            case BAD_CREDENTIALS -> i18n.t("login.bad");
            case LOCKED -> {
                Optional<Instant> until = userName == null || userName.isBlank() ? Optional.empty()
                        : service.user(userName.strip()).map(UserInfo::lockedUntil);
                yield until.map(u -> i18n.t("login.locked", HH_MM.format(u.atZone(zone))))
                        .orElseGet(() -> i18n.t("login.lockedNoTime"));
            }
            case DISABLED -> i18n.t("login.disabled");
            case NOT_ALLOWED -> i18n.t("login.notAllowed");
        };
    }

    /** What is wrong with a new password (policy, or the two fields differ), or empty when it is acceptable. */
    static Optional<String> newPassword(I18n i18n, PasswordPolicy policy, String userName, String pw, String again) {
        if (!pw.equals(again)) {
            return Optional.of(i18n.t("password.mismatch"));
        }
        Optional<String> problem = policy.problem(userName, pw.toCharArray());
        if (problem.isEmpty()) {
            return Optional.empty();
        }
        if (pw.codePointCount(0, pw.length()) < policy.minLength()) {
            return Optional.of(i18n.t("password.tooShort", policy.minLength()));
        }
        if (userName != null && pw.strip().equalsIgnoreCase(userName.strip())) {
            return Optional.of(i18n.t("password.isUserName"));
        }
        return Optional.of(i18n.t("accounts.refused", problem.get()));
    }

    /** The password rule, shown under new-password fields. */
    static String passwordRule(I18n i18n, PasswordPolicy policy) {
        return i18n.t("password.rule", policy.minLength());
    }

    /** A refusal or failure of the account service, for the message line. */
    static String error(I18n i18n, Throwable e) {
        if (e instanceof AccessDeniedException) {
            return i18n.t("accounts.denied", e.getMessage());
        }
        if (e instanceof AccountException) {
            return i18n.t("accounts.refused", e.getMessage());
        }
        return i18n.t("accounts.failed", String.valueOf(e.getMessage()));
    }

    static String role(I18n i18n, Role r) {
        return i18n.t("role." + r.name());
    }

    /** The visible DEMO marker (word plus the demo colour). */
    static Label demoBadge(I18n i18n) {
        Label l = new Label(i18n.t("demo.badge"));
        l.getStyleClass().add(Styles.DEMO_BADGE);
        return l;
    }

    static void info(Label message, String s) {
        message.getStyleClass().setAll("label", Styles.MESSAGE);
        message.setText(s);
    }

    static void error(Label message, String s) {
        message.getStyleClass().setAll("label", Styles.MESSAGE_ERROR);
        message.setText(s);
    }

    /** Role names in the UI language for role choosers. */
    static final class RoleCell extends ListCell<Role> {
        private final I18n i18n;

        RoleCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(Role r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? "" : role(i18n, r));
        }
    }
}
