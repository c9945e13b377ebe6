package com.vigil.ui.accounts;

import com.vigil.accounts.AccessDeniedException;
import com.vigil.accounts.AccountException;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.LoginResult;
import com.vigil.accounts.PasswordPolicy;
import com.vigil.accounts.ProtectedAction;
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

/**
 * What the account screens say: log-in failures, password rules and refusals, in the UI language. Causes the
 * service reports in structured form (log-in failures, the refused action, the password rule) are said from the
 * bundle; the service's English text shows only for causes it reports as free text.
 */
final class AccountTexts {
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The longest password {@link PasswordPolicy} accepts (its MAX_LENGTH, not public there). */
    static final int PASSWORD_MAX = 256;

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
        // the policy's rules, in its order
        int length = pw.codePointCount(0, pw.length());
        if (length < policy.minLength()) {
            return Optional.of(i18n.t("password.tooShort", policy.minLength()));
        }
        if (length > PASSWORD_MAX) {
            return Optional.of(i18n.t("password.tooLong", PASSWORD_MAX));
        }
        if (userName != null && pw.strip().equalsIgnoreCase(userName.strip())) {
            return Optional.of(i18n.t("password.isUserName"));
        }
        return Optional.of(i18n.t("accounts.refused", problem.get())); // a rule this screen does not know
    }

    /** The password rule, shown under new-password fields. */
    static String passwordRule(I18n i18n, PasswordPolicy policy) {
        return i18n.t("password.rule", policy.minLength());
    }

    /**
     * A refusal or failure of the account service, for the message line: a permission refusal names the action in
     * the UI language; other refusals carry only the service's text.
     */
    static String error(I18n i18n, Throwable e) {
        if (e instanceof AccessDeniedException d && d.action() != null) {
            return i18n.t("accounts.denied", action(i18n, d.action()));
        }
        if (e instanceof AccountException a && a.reason() != null) {
            Object arg = a.args().isEmpty() ? "" : a.args().get(0);
            return i18n.t(switch (a.reason()) {
                case ADMIN_EXISTS -> "accounts.reason.adminExists";
                case REAL_ACCOUNTS -> "accounts.reason.realAccounts";
                case DEMO_NO_PASSWORD -> "accounts.reason.demoNoPassword";
                case SESSION_LOCKED -> "accounts.reason.sessionLocked";
                case NO_SUCH_USER -> "accounts.reason.noSuchUser";
                case OLD_PASSWORD_WRONG -> "accounts.reason.oldPasswordWrong";
                case PASSWORD_UNCHANGED -> "accounts.reason.passwordUnchanged";
                case PASSWORD_POLICY -> "accounts.reason.passwordPolicy";
                case BAD_USER_NAME -> "accounts.reason.badUserName";
                case RESERVED_NAME -> "accounts.reason.reservedName";
                case NAME_TAKEN -> "accounts.reason.nameTaken";
                case LAST_ADMIN -> "accounts.reason.lastAdmin";
                case NOT_ALLOWED -> "accounts.reason.notAllowed";
            }, arg);
        }
        if (e instanceof AccountException) {
            return i18n.t("accounts.refused", e.getMessage());
        }
        return i18n.t("accounts.failed", com.vigil.ui.kit.FailureTexts.describe(i18n, e));
    }

    /** A protected action in the UI language (for refusals). */
    static String action(I18n i18n, ProtectedAction a) {
        return i18n.t(switch (a) {
            case ALARM_ACK -> "accounts.action.alarmAck";
            case ALARM_CONFIRM -> "accounts.action.alarmConfirm";
            case SHELVE_GRADE_1 -> "accounts.action.shelve1";
            case SHELVE_GRADE_2 -> "accounts.action.shelve2";
            case SHELVE_GRADE_3 -> "accounts.action.shelve3";
            case SHELVE_GRADE_4 -> "accounts.action.shelve4";
            case OUT_OF_SERVICE -> "accounts.action.outOfService";
            case LIMIT_CHANGE -> "accounts.action.limitChange";
            case CONFIG_CHANGE -> "accounts.action.configChange";
            case OPCUA_WRITE -> "accounts.action.opcuaWrite";
            case CERTIFICATE_TRUST -> "accounts.action.certificateTrust";
            case TICKET_TRANSITION -> "accounts.action.ticketTransition";
            case TICKET_CLOSE -> "accounts.action.ticketClose";
            case USER_MANAGEMENT -> "accounts.action.userManagement";
            case AUDIT_EXPORT -> "accounts.action.auditExport";
        });
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
