package com.vigil.app.console;

import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.model.Actor;
import com.vigil.model.ConnectionState;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.ui.alarms.AlarmListView;
import com.vigil.ui.alarms.AlarmListViewModel;
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
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The console's main window: plant overview tiles (left), alarm list and trend of the selected tag
 * (right), status bar (connection, rate, journal, user). Everything live arrives through one pulse.
 */
public final class MainWindow {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final VigilRuntime runtime;
    private final I18n i18n;
    private final FxPulse pulse;
    private final Scene scene;
    private final OverviewView overview;
    private final AlarmListView alarms;
    private final TrendView trend;
    private final Label connection = new Label();
    private final Label rate = new Label();
    private final Label dropped = new Label();
    private final Label db = new Label();
    private final Label clock = new Label();
    private long lastCount;
    private long lastCountAt;

    public MainWindow(VigilRuntime runtime, I18n i18n, Actor actor, TaskRunner runner, FxPulse pulse) {
        this.runtime = runtime;
        this.i18n = i18n;
        this.pulse = pulse;
        PlantDefinition plant = runtime.plant();
        CssTokens tokens = CssTokens.dark();
        String lang = i18n.chinese() ? "zh" : "en";
        AlarmUiAdapter adapter = new AlarmUiAdapter(runtime.engine(), plant, i18n, () -> actor);

        trend = new TrendView(runtime.snapshot()::recent, id -> plant.plant().tag(id).orElse(null),
                id -> plant.description(id, lang), i18n, tokens, pulse);
        overview = new OverviewView(new OverviewViewModel(plant.plant().tags(), runtime.snapshot(), adapter),
                plant.plant().areas(), id -> plant.description(id, lang), i18n, tokens, pulse, trend::show);
        overview.setId("overview");
        alarms = new AlarmListView(new AlarmListViewModel(adapter), adapter, runner, i18n, pulse, trend::show);
        alarms.setId("alarm-list");

        SplitPane right = new SplitPane(alarms, trend);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        SplitPane center = new SplitPane(overview, right);
        center.setDividerPositions(0.5);

        Label title = new Label(i18n.t("app.title"));
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Label plantName = new Label(i18n.t("app.demoPlant") + " · " + plant.plant().name());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        clock.setId("clock");
        HBox top = new HBox(title, plantName, spacer, clock);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add(Styles.TOOLBAR);

        connection.setId("status-connection");
        db.setId("status-db");
        Label user = new Label(i18n.t("status.user", actor.user(), i18n.t("role." + actor.role().name())));
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox status = new HBox(connection, rate, dropped, db, spacer2, user);
        status.getStyleClass().add(Styles.STATUS_BAR);
        status.setAlignment(Pos.CENTER_LEFT);

        BorderPane root = new BorderPane(center, top, null, status, null);
        root.getStyleClass().add(Styles.APP);
        scene = new Scene(root, 1600, 900);
        Theme.DARK.apply(scene);
        pulse.add(this::refreshStatus);
        refreshStatus();
        // show something meaningful in the trend from the start
        plant.plant().tags().stream().findFirst().ifPresent(t -> trend.show(t.id()));
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

    public Scene scene() {
        return scene;
    }

    public OverviewView overview() {
        return overview;
    }

    public AlarmListView alarms() {
        return alarms;
    }

    public TrendView trend() {
        return trend;
    }

    public FxPulse pulse() {
        return pulse;
    }
}
