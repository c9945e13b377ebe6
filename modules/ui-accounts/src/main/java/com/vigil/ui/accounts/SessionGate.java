package com.vigil.ui.accounts;

import com.vigil.accounts.AccountService;
import com.vigil.accounts.Session;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import java.time.Clock;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;

/**
 * Puts the console behind a session: the log-in screen until someone logs in, the lock screen when a workstation
 * session is idle for the policy's {@code idleLock} (or locked by hand), and the switch-user and change-password
 * screens. While any of them shows, the console underneath stays visible through the overlay but is disabled.
 * Real input anywhere in it counts as activity ({@link Session#touch}): a mouse press, a mouse move or drag that
 * changed the pointer's screen position, a key press, a scroll, a touch. Events JavaFX synthesises under a still
 * pointer (entered/exited when the scene changes underneath, a move to the same spot) do not count, so a live
 * display cannot keep a session from locking. Other windows of the console join through {@link #watch(Scene)}.
 * The idle check runs on the {@link FxPulse} against the injected {@link Clock} (tests use a hand-driven one).
 * Wall-screen sessions never lock.
 */
public final class SessionGate extends StackPane {
    private final Node content;
    private final StackPane overlay = new StackPane();
    private final TaskRunner runner;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final String station;
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** The lock screen is up for the current session (idle or by hand), also while a switch is offered from it. */
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked", false);
    private final EventHandler<Event> activity = this::activity;
    private AccountService service;
    private double lastScreenX = Double.NaN;
    private double lastScreenY = Double.NaN;

    /**
     * @param station name of this console, recorded for wall-screen sessions
     */
    public SessionGate(Node content, TaskRunner runner, I18n i18n, FxPulse pulse, Clock clock, String station) {
        this.content = content;
        this.runner = runner;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = ZoneId.systemDefault();
        this.station = station;
        setId("session-gate");
        overlay.setId("session-overlay");
        getChildren().addAll(content, overlay);
        addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        addEventFilter(MouseEvent.MOUSE_DRAGGED, activity);
        addEventFilter(KeyEvent.KEY_PRESSED, activity);
        addEventFilter(ScrollEvent.SCROLL, activity);
        addEventFilter(TouchEvent.TOUCH_PRESSED, activity);
        Label wait = new Label(i18n.t("login.opening"));
        wait.setId("login-opening");
        StackPane waiting = new StackPane(wait);
        waiting.getStyleClass().add(Styles.LOGIN);
        show(waiting);
        pulse.add(this::checkIdle);
    }

    /** The account service is ready (the database is open): shows the log-in screen unless a session exists. */
    public void open(AccountService accountService) {
        this.service = accountService;
        if (session.get() == null) {
            showLogin();
        }
    }

    /** The current session (null before log-in and after log-out). */
    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Session session() {
        return session.get();
    }

    /** The last thing the gate wants the user to know (password changed, logged out), for a status line. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public AccountService service() {
        return service;
    }

    /** True while the current session's lock screen is up (or a switch offered from it). */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /**
     * Counts input in another window of the console (user management, audit trail) as activity too, by the same
     * rule as input on the console itself.
     */
    public void watch(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, activity);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, activity);
        scene.addEventFilter(ScrollEvent.SCROLL, activity);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, activity);
    }

    /** True while a log-in, lock, switch or password screen covers the console. */
    public boolean covered() {
        return overlay.isVisible();
    }

    /** The screen covering the console, or null. */
    public Node cover() {
        return overlay.getChildren().isEmpty() || !overlay.isVisible() ? null : overlay.getChildren().get(0);
    }

    /** Starts working with {@code s} (after a log-in, a switch or an unlock). */
    public void begin(Session s) {
        locked.set(false);
        session.set(s);
        hide();
    }

    /** Ends the session (audited) and shows the log-in screen. */
    public void logout() {
        Session s = session.get();
        if (s == null || service == null) {
            return;
        }
        runner.run(() -> {
            service.logout(s);
            return s;
        }, x -> notice.set(i18n.t("session.loggedOut", x.userName())),
                e -> notice.set(AccountTexts.error(i18n, e)));
        session.set(null);
        locked.set(false);
        showLogin();
    }

    /**
     * Shift handover: the next user logs in; the current session ends only then. Offered from a lock screen, the
     * switch has no wall-screen start: nobody may end the locked user's session without a real log-in.
     */
    public void switchUser() {
        Session s = session.get();
        if (s == null || service == null) {
            return;
        }
        boolean fromLock = s.isLocked(clock.instant());
        LoginView v = LoginView.switchUser(service, runner, i18n, zone, station, s, fromLock, this::begin, () -> {
            if (s.isLocked(clock.instant())) {
                showLock(s);
            } else {
                hide();
            }
        });
        show(v);
        v.focusFirst();
    }

    /** Locks the workstation session by hand (leaving the desk). */
    public void lockNow() {
        Session s = session.get();
        if (s == null || service == null || s.kind() != Session.Kind.WORKSTATION) {
            return;
        }
        locked.set(true);
        runner.run(() -> {
            service.lockSession(s);
            return s;
        }, x -> { }, e -> notice.set(AccountTexts.error(i18n, e)));
        showLock(s);
    }

    /** The own-password dialog. */
    public void changePassword() {
        Session s = session.get();
        if (s == null || service == null) {
            return;
        }
        Runnable back = () -> {
            if (!s.isLocked(clock.instant())) {
                hide();
            }
        };
        ChangePasswordView v = new ChangePasswordView(service, runner, i18n, s, () -> {
            notice.set(i18n.t("password.changed"));
            back.run();
        }, back);
        show(v);
        v.focusFirst();
    }

    /**
     * The idle rule, run on every pulse: a live workstation session that {@link Session#isLocked is locked} at
     * the clock's now gets the lock screen once, and the lock is audited ({@link AccountService#idleLocked}).
     */
    public void checkIdle() {
        Session s = session.get();
        if (s == null || service == null || locked.get() || s.kind() != Session.Kind.WORKSTATION || s.ended()) {
            return;
        }
        if (s.isLocked(clock.instant())) {
            locked.set(true);
            runner.run(() -> {
                service.idleLocked(s);
                return s;
            }, x -> { }, e -> notice.set(AccountTexts.error(i18n, e)));
            showLock(s);
        }
    }

    private void activity(Event e) {
        if (e instanceof MouseEvent m && e.getEventType() != MouseEvent.MOUSE_PRESSED) {
            // moved or dragged: only when the pointer really went somewhere else
            if (m.getScreenX() == lastScreenX && m.getScreenY() == lastScreenY) {
                return;
            }
        }
        if (e instanceof MouseEvent m) {
            lastScreenX = m.getScreenX();
            lastScreenY = m.getScreenY();
        }
        touch();
    }

    private void touch() {
        Session s = session.get();
        if (s != null && !locked.get()) {
            s.touch(clock.instant());
        }
    }

    private void showLogin() {
        LoginView v = LoginView.login(service, runner, i18n, zone, station, this::begin);
        show(v);
        v.focusFirst();
    }

    private void showLock(Session s) {
        LockScreen v = new LockScreen(service, runner, i18n, zone, s, this::begin, this::switchUser);
        show(v);
        v.focusFirst();
    }

    private void show(Node n) {
        overlay.getChildren().setAll(n);
        overlay.setVisible(true);
        content.setDisable(true);
        if (!content.getStyleClass().contains(Styles.COVERED)) {
            content.getStyleClass().add(Styles.COVERED);
        }
    }

    private void hide() {
        overlay.getChildren().clear();
        overlay.setVisible(false);
        content.setDisable(false);
        content.getStyleClass().remove(Styles.COVERED);
    }
}
