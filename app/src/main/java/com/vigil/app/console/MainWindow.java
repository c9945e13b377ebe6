package com.vigil.app.console;

import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.app.runtime.DemoUsers;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.model.Actor;
import com.vigil.model.ConnectionState;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.ui.alarms.AlarmBanner;
import com.vigil.ui.alarms.AlarmListView;
import com.vigil.ui.alarms.AlarmListViewModel;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.ui.alarms.Annunciator;
import com.vigil.ui.alarms.GuidancePanel;
import com.vigil.ui.kit.CssTokens;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.ui.kit.Theme;
import com.vigil.ui.overview.OverviewView;
import com.vigil.ui.overview.OverviewViewModel;
import com.vigil.ui.trends.TrendView;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The console's main window: toolbar (user, clock) and the alarm banner on top; plant overview tiles
 * (left); alarm list, guidance and trend (right); status bar (connection, rate, journal). Everything
 * live arrives through one pulse.
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
    private final AtomicReference<Actor> actor;
    private final ComboBox<Actor> users = new ComboBox<>();
    private final Label connection = new Label();
    private final Label rate = new Label();
    private final Label dropped = new Label();
    private final Label db = new Label();
    private final Label clock = new Label();
    private long lastCount;
    private long lastCountAt;

    public MainWindow(VigilRuntime runtime, I18n i18n, Actor initialActor, TaskRunner runner, FxPulse pulse,
                      Annunciator.Sink sound) {
        this.runtime = runtime;
        this.i18n = i18n;
        this.pulse = pulse;
        this.actor = new AtomicReference<>(initialActor);
        PlantDefinition plant = runtime.plant();
        CssTokens tokens = CssTokens.dark();
        String lang = i18n.chinese() ? "zh" : "en";
        AlarmUiAdapter adapter = new AlarmUiAdapter(runtime.engine(), plant, i18n, actor::get, runtime.database(),
                () -> runtime.accounts().isDone() && !runtime.accounts().isCompletedExceptionally()
                        ? runtime.accounts().join().audit() : null);

        trend = new TrendView(id -> runtime.history(id, java.time.Duration.ofMillis(TrendView.WINDOW_MILLIS)),
                id -> plant.plant().tag(id).orElse(null),
                id -> plant.description(id, lang), i18n, tokens, pulse);
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
        users.setId("user-switch");
        users.getItems().setAll(DemoUsers.ALL);
        if (!users.getItems().contains(initialActor)) {
            users.getItems().add(0, initialActor);
        }
        users.setValue(initialActor);
        users.setCellFactory(l -> new UserCell());
        users.setButtonCell(new UserCell());
        users.setOnAction(e -> {
            Actor chosen = users.getValue();
            if (chosen != null) {
                // demo log-in through the account service (audited); the demo database has these users
                runner.run(() -> runtime.accounts().join().service().loginDemo(chosen.user()), r -> {
                    if (r.ok()) {
                        actor.set(r.session().actor());
                    }
                }, err -> { });
                actor.set(chosen);
            }
        });
        javafx.scene.control.Button auditButton = new javafx.scene.control.Button(i18n.t("audit.open"));
        auditButton.setId("open-audit");
        auditButton.getStyleClass().add(Styles.ACTION_BUTTON);
        auditButton.setOnAction(e -> openAudit(runner));
        HBox top = new HBox(title, plantName, spacer, auditButton, new Label(i18n.t("status.demoUser")), users, clock);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add(Styles.TOOLBAR);

        connection.setId("status-connection");
        db.setId("status-db");
        HBox status = new HBox(connection, rate, dropped, db);
        status.getStyleClass().add(Styles.STATUS_BAR);
        status.setAlignment(Pos.CENTER_LEFT);

        BorderPane root = new BorderPane(center, new VBox(top, banner), null, status, null);
        root.getStyleClass().add(Styles.APP);
        scene = new Scene(root, 1600, 900);
        Theme.DARK.apply(scene);
        pulse.add(this::refreshStatus);
        refreshStatus();
        plant.plant().tags().stream().findFirst().ifPresent(t -> trend.show(t.id()));
    }

    /** The audit trail in its own window (it stays open beside the console). */
    private void openAudit(TaskRunner runner) {
        var accounts = runtime.accounts();
        if (!accounts.isDone() || accounts.isCompletedExceptionally()) {
            return;
        }
        com.vigil.ui.accounts.AuditView view = new com.vigil.ui.accounts.AuditView(accounts.join().audit(), runner, i18n);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        Scene s = new Scene(view, 1300, 700);
        Theme.DARK.apply(s);
        stage.setTitle(i18n.t("audit.title"));
        stage.setScene(s);
        stage.show();
        view.load();
    }

    private void select(AlarmRow row) {
        trend.show(row.tag());
        guidance.show(row, alarms.model().all());
    }

    private final class UserCell extends ListCell<Actor> {
        @Override
        protected void updateItem(Actor a, boolean empty) {
            super.updateItem(a, empty);
            setText(empty || a == null ? "" : a.user() + " (" + i18n.t("role." + a.role().name()) + ")");
        }
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

    /** Acts as another user from now on (shift handover at a shared desk; demo users until accounts exist). */
    public void actAs(Actor a) {
        actor.set(a);
        users.setValue(a);
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
