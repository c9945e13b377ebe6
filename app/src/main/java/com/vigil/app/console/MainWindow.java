package com.vigil.app.console;

import com.vigil.accounts.ProtectedAction;
import com.vigil.accounts.Session;
import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.model.ConnectionState;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.ui.alarms.AlarmBanner;
import com.vigil.ui.alarms.AlarmListView;
import com.vigil.ui.alarms.AlarmListViewModel;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.ui.alarms.Annunciator;
import com.vigil.ui.alarms.GuidancePanel;
import com.vigil.ui.accounts.AuditView;
import com.vigil.ui.accounts.SessionGate;
import com.vigil.ui.accounts.UserManagementView;
import com.vigil.ui.kit.CssTokens;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.Controls;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.ui.kit.Theme;
import com.vigil.ui.overview.OverviewView;
import com.vigil.ui.overview.OverviewViewModel;
import com.vigil.ui.trends.TrendView;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The console's main window: toolbar (session user, users, audit, password, lock, switch user, log out, clock) and
 * the alarm banner on top; plant overview tiles (left); alarm list, guidance and trend (right); status bar
 * (connection, rate, journal). Everything live arrives through one pulse. The console sits behind a
 * {@link SessionGate}: log-in screen first, lock screen when idle, view-only wall screens without action buttons.
 */
public final class MainWindow {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final VigilRuntime runtime;
    private final I18n i18n;
    private final FxPulse pulse;
    private final Scene scene;
    private final OverviewView overview;
    private final AlarmListView alarms;
    private final AlarmBanner banner;
    private final GuidancePanel guidance;
    private final TrendView trend;
    private final Annunciator annunciator;
    /** Acts before log-in and after log-out: a viewer, so the engine refuses everything. */
    private static final Actor NOBODY = new Actor("(no session)", Role.VIEWER);

    private final AtomicReference<Actor> actor;
    private final SessionGate gate;
    private final Clock sessionClock;
    private final TaskRunner runner;
    private final Label sessionUser = new Label();
    private final Label demoBadge = new Label();
    private final Label notice = new Label();
    private final Button usersButton;
    private final Button auditButton;
    private final Button earlyWarningButton;
    private final Button passwordButton;
    private final Button lockButton;
    private final Button switchButton;
    private final Button logoutButton;
    private final SideWindow<UserManagementView> usersWindow = new SideWindow<>("users.title", 1200, 720);
    private final SideWindow<AuditView> auditWindow = new SideWindow<>("audit.title", 1300, 700);
    private final SideWindow<EarlyWarningView> earlyWarningWindow = new SideWindow<>("ew.title", 1300, 760);
    private final Label connection = new Label();
    private final Label rate = new Label();
    private final Label dropped = new Label();
    private final Label db = new Label();
    private final Label clock = new Label();
    private long lastCount;
    private long lastCountAt;

    /**
     * The console acting as a fixed user, without log-in screen or session (tests and tools that drive the alarm
     * flows directly).
     */
    public MainWindow(VigilRuntime runtime, I18n i18n, Actor fixedActor, TaskRunner runner, FxPulse pulse,
                      Annunciator.Sink sound) {
        this(runtime, i18n, fixedActor, runner, pulse, sound, Clock.systemUTC());
    }

    /**
     * The console behind the log-in screen: nothing can be used before someone logs in (or starts a wall screen);
     * {@code clock} drives the idle lock (the timeout is the account policy's {@code idleLock}).
     */
    public MainWindow(VigilRuntime runtime, I18n i18n, TaskRunner runner, FxPulse pulse, Annunciator.Sink sound,
                      Clock clock) {
        this(runtime, i18n, null, runner, pulse, sound, clock);
    }

    private MainWindow(VigilRuntime runtime, I18n i18n, Actor fixedActor, TaskRunner runner, FxPulse pulse,
                       Annunciator.Sink sound, Clock timeSource) {
        this.runtime = runtime;
        this.i18n = i18n;
        this.pulse = pulse;
        this.sessionClock = timeSource;
        this.runner = runner;
        this.actor = new AtomicReference<>(fixedActor == null ? NOBODY : fixedActor);
        PlantDefinition plant = runtime.plant();
        CssTokens tokens = CssTokens.dark();
        String lang = i18n.chinese() ? "zh" : "en";
        AlarmUiAdapter adapter = new AlarmUiAdapter(runtime.engine(), plant, i18n, actor::get, runtime.database(),
                runtime::auditTrailWhenOpen, runtime.ruleBook()::def);

        trend = new TrendView(id -> runtime.history(id, java.time.Duration.ofMillis(TrendView.WINDOW_MILLIS)),
                id -> plant.plant().tag(id).orElse(null),
                id -> plant.description(id, lang), i18n, tokens, pulse,
                TaskRunner.background("vigil-trend-read", 1)); // never behind a retraining or an alarm action
        guidance = new GuidancePanel(i18n, trend);
        AlarmListViewModel listModel = new AlarmListViewModel(adapter);
        alarms = new AlarmListView(listModel, adapter, adapter, adapter, runner, i18n, pulse, this::select,
                System::currentTimeMillis);
        alarms.setId("alarm-list");
        overview = new OverviewView(new OverviewViewModel(plant.plant().tags(), runtime.snapshot(), adapter),
                plant.plant().areas(), id -> plant.description(id, lang), i18n, tokens, pulse, trend::show);
        overview.setId("overview");
        annunciator = new Annunciator(listModel, sound, i18n, pulse, true, System::currentTimeMillis);
        banner = new AlarmBanner(listModel, i18n, pulse, r -> alarms.reveal(r.id()), annunciator::silence);

        SplitPane lower = new SplitPane(guidance);
        SplitPane right = new SplitPane(alarms, lower);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.58);
        SplitPane center = new SplitPane(overview, right);
        center.setDividerPositions(0.42);

        Label title = new Label(i18n.t("app.title"));
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Label plantName = new Label(i18n.t("app.demoPlant") + " · " + plant.plant().name());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        clock.setId("clock");
        sessionUser.setId("session-user");
        sessionUser.getStyleClass().add(Styles.SESSION_USER);
        demoBadge.setId("session-demo");
        demoBadge.setText(i18n.t("demo.badge"));
        demoBadge.getStyleClass().add(Styles.DEMO_BADGE);
        usersButton = button("open-users", "users.open", this::openUsers);
        auditButton = button("open-audit", "audit.open", this::openAudit);
        earlyWarningButton = button("open-early-warning", "ew.open", this::openEarlyWarning);
        passwordButton = button("change-password", "password.open", () -> gate().changePassword());
        lockButton = button("lock-session", "lock.now", () -> gate().lockNow());
        switchButton = button("switch-user", "session.switch", () -> gate().switchUser());
        logoutButton = button("logout", "session.logout", () -> gate().logout());
        HBox top = new HBox(title, plantName, spacer, sessionUser, demoBadge, earlyWarningButton, usersButton, auditButton,
                passwordButton, lockButton, switchButton, logoutButton, clock);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add(Styles.TOOLBAR);

        connection.setId("status-connection");
        db.setId("status-db");
        notice.setId("session-notice");
        HBox status = new HBox(connection, rate, dropped, db, notice);
        status.getStyleClass().add(Styles.STATUS_BAR);
        status.setAlignment(Pos.CENTER_LEFT);

        BorderPane console = new BorderPane(center, new VBox(top, banner), null, status, null);
        console.getStyleClass().add(Styles.APP);
        Parent root;
        if (fixedActor == null) {
            gate = new SessionGate(console, runner, i18n, pulse, sessionClock, VigilRuntime.station());
            gate.sessionProperty().addListener((o, before, after) -> sessionChanged(after));
            notice.textProperty().bind(gate.noticeProperty());
            runtime.accounts().thenAccept(a -> FxPulse.onFx(() -> gate.open(a.service())));
            // user management and the audit trail are windows of their own: input there counts as activity (see
            // openUsers/openAudit); they close when the console locks, and when the session changes (sessionChanged)
            gate.lockedProperty().addListener((o, was, locked) -> {
                if (locked) {
                    closeWindows();
                }
                presence();
            });
            root = gate;
        } else {
            gate = null;
            root = console;
        }
        sessionChanged(null);
        scene = new Scene(root, 1600, 900);
        Theme.DARK.apply(scene);
        pulse.add(this::refreshStatus);
        refreshStatus();
        plant.plant().tags().stream().findFirst().ifPresent(t -> trend.show(t.id()));
    }

    private Button button(String id, String key, Runnable r) {
        return Controls.actionButton(i18n, id, key, r);
    }


    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    /** The toolbar and the alarm actions follow the session: who, what they may do, view-only or not. */
    private void sessionChanged(Session s) {
        if (gate == null) {
            Actor a = actor.get();
            runtime.operatorPresent(true, a.user()); // a fixed user acts at this console
            sessionUser.setText(i18n.t("session.user", a.user(), i18n.t("role." + a.role().name())));
            show(demoBadge, false);
            for (Button b : new Button[] {earlyWarningButton, usersButton, auditButton, passwordButton, lockButton,
                    switchButton, logoutButton}) {
                show(b, false);
            }
            return;
        }
        actor.set(s == null ? NOBODY : s.actor());
        boolean has = s != null;
        boolean wall = has && s.kind() == Session.Kind.WALL_SCREEN;
        boolean workstation = has && s.kind() == Session.Kind.WORKSTATION;
        boolean viewOnly = !has || s.viewOnly();
        sessionUser.setText(!has ? "" : wall ? i18n.t("session.wall")
                : i18n.t("session.user", s.userName(), i18n.t("role." + s.actor().role().name())));
        show(demoBadge, has && s.demo());
        show(earlyWarningButton, has && !viewOnly);
        show(usersButton, has && !viewOnly);
        usersButton.setDisable(!has || gate.service() == null
                || !gate.service().permissions().allows(s.actor().role(), ProtectedAction.USER_MANAGEMENT));
        show(auditButton, has && !viewOnly);
        auditButton.setDisable(!has || gate.service() == null
                || !gate.service().permissions().allows(s.actor().role(), ProtectedAction.AUDIT_EXPORT));
        show(passwordButton, workstation && !s.demo());
        show(lockButton, workstation);
        show(switchButton, has);
        show(logoutButton, has);
        alarms.showActions(!viewOnly);
        closeWindows(); // they acted for the previous user
        presence();
    }

    /** This console's part of the rules' operator_present: someone who may act is signed in here and it is not locked. */
    private void presence() {
        Session s = gate.session();
        boolean present = s != null && s.kind() == Session.Kind.WORKSTATION && !s.viewOnly()
                && !gate.lockedProperty().get();
        runtime.operatorPresent(present, present ? s.actor().user() : null);
    }

    /** Closes the windows beside the console (lock, log-out, user switch): they acted for the session. */
    private void closeWindows() {
        earlyWarningWindow.close();
        usersWindow.close();
        auditWindow.close();
    }

    /**
     * A window beside the console for one view (users, audit trail, early warning): at most one each, brought to the
     * front when opened again, input in it counts as activity, closed when the session changes or locks.
     */
    private final class SideWindow<V extends Parent> {
        private final String titleKey;
        private final double width;
        private final double height;
        private javafx.stage.Stage stage;
        private V view;

        SideWindow(String titleKey, double width, double height) {
            this.titleKey = titleKey;
            this.width = width;
            this.height = height;
        }

        V view() {
            return view;
        }

        /** Shows a new window with the view {@code make} builds, or brings the open one to the front (false). */
        boolean open(java.util.function.Supplier<V> make, java.util.function.Consumer<V> onHidden) {
            if (stage != null) {
                stage.toFront();
                return false;
            }
            V v = make.get();
            javafx.stage.Stage st = new javafx.stage.Stage();
            Scene s = new Scene(v, width, height);
            Theme.DARK.apply(s);
            gate.watch(s); // typing here keeps the session from idle-locking
            st.setTitle(i18n.t(titleKey));
            st.setScene(s);
            st.setOnHidden(e -> {
                if (onHidden != null) {
                    onHidden.accept(v);
                }
                if (stage == st) {
                    stage = null;
                    view = null;
                }
            });
            stage = st;
            view = v;
            st.show();
            return true;
        }

        void close() {
            if (stage != null) {
                stage.close();
            }
        }
    }

    /**
     * The early-warning models and composite rules in their own window: every signed-in workstation role may look;
     * retraining needs CONFIG_CHANGE (engineer, administrator), checked and audited by the service.
     */
    private void openEarlyWarning() {
        if (gate == null || gate.service() == null || gate.session() == null || gate.session().viewOnly()) {
            return;
        }
        earlyWarningWindow.open(() -> new EarlyWarningView(runtime, gate.service(), gate::session, runner, i18n, pulse),
                EarlyWarningView::dispose);
    }

    /** The early-warning window, if open (tests). */
    public EarlyWarningView earlyWarningView() {
        return earlyWarningWindow.view();
    }

    /** User management in its own window (USER_MANAGEMENT; the service checks every step anyway). */
    private void openUsers() {
        if (gate == null || gate.service() == null || gate.session() == null) {
            return;
        }
        if (usersWindow.open(() -> new UserManagementView(gate.service(), gate::session, runner, i18n, sessionClock), null)) {
            usersWindow.view().load();
        }
    }

    /**
     * The audit trail in its own window beside the console (AUDIT_EXPORT, like the export in it; the service checks
     * and audits the export itself).
     */
    private void openAudit() {
        if (gate == null || gate.service() == null || gate.session() == null) {
            return;
        }
        Session session = gate.session();
        if (session.viewOnly()
                || !gate.service().permissions().allows(session.actor().role(), ProtectedAction.AUDIT_EXPORT)) {
            return;
        }
        if (auditWindow.open(() -> new AuditView(gate.service(), gate::session, runner, i18n), null)) {
            auditWindow.view().load();
        }
    }

    private void select(AlarmRow row) {
        overview.reveal(row.tag());
        trend.show(row.tag());
        guidance.show(row, alarms.model().all());
    }

    private void refreshStatus() {
        ConnectionState st = runtime.connection();
        connection.setText(i18n.t("status.connection", runtime.endpointUrl(), i18n.t("status." + st.name())));
        connection.getStyleClass().removeAll(Styles.STATUS_OK, Styles.STATUS_BAD, Styles.STATUS_WARN);
        connection.getStyleClass().add(st == ConnectionState.CONNECTED ? Styles.STATUS_OK
                : st == ConnectionState.RECONNECTING || st == ConnectionState.FAILED ? Styles.STATUS_BAD
                : Styles.STATUS_WARN);
        long now = System.currentTimeMillis();
        if (now - lastCountAt >= 1000) {
            long count = runtime.pipeline().ingestedSamples();
            if (lastCountAt > 0) {
                rate.setText(i18n.t("status.rate", Math.round((count - lastCount) * 1000.0 / (now - lastCountAt))));
            }
            lastCount = count;
            lastCountAt = now;
            clock.setText(LocalDateTime.now().format(CLOCK));
        }
        long d = runtime.pipeline().droppedSamples();
        dropped.setText(d == 0 ? "" : i18n.t("status.dropped", d));
        var f = runtime.database();
        String dbState = !f.isDone() ? "status.db.opening" : f.isCompletedExceptionally() ? "status.db.failed"
                : "status.db.ready";
        db.setText(i18n.t("status.db", i18n.t(dbState)));
        db.getStyleClass().removeAll(Styles.STATUS_OK, Styles.STATUS_BAD);
        db.getStyleClass().add("status.db.failed".equals(dbState) ? Styles.STATUS_BAD : Styles.STATUS_OK);
    }

    /** The session gate (log-in, lock, switch); null for a console with a fixed actor. */
    public SessionGate gate() {
        return gate;
    }

    /** The open user-management window's view, or null. */
    public UserManagementView usersView() {
        return usersWindow.view();
    }

    /** The open audit-trail window's view, or null. */
    public AuditView auditView() {
        return auditWindow.view();
    }

    /** Who acts now (the session's user, or a viewer before log-in). */
    public Actor actor() {
        return actor.get();
    }

    public Scene scene() {
        return scene;
    }

    public OverviewView overview() {
        return overview;
    }

    public AlarmListView alarms() {
        return alarms;
    }

    public AlarmBanner banner() {
        return banner;
    }

    public GuidancePanel guidance() {
        return guidance;
    }

    public TrendView trend() {
        return trend;
    }

    public Annunciator annunciator() {
        return annunciator;
    }

    public FxPulse pulse() {
        return pulse;
    }
}
