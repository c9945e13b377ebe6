package com.vigil.app;

import static com.vigil.app.FxTests.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.app.console.MainWindow;
import com.vigil.app.runtime.VigilRuntime;
import com.vigil.model.Actor;
import com.vigil.model.Quality;
import com.vigil.model.Role;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.ui.overview.TileState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The walking skeleton end to end, headless: real demo plant server, real Milo client over TCP, real
 * alarm engine, real SQLite journal, real JavaFX scene driven by TestFX.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiIT {
    @TempDir
    static Path dataDir;

    private VigilRuntime runtime;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        runtime = new VigilRuntime(new VigilRuntime.Options(dataDir, 0, 42, 1.0));
        FxPulse pulse = new FxPulse(10);
        window = new MainWindow(runtime, new I18n(Locale.ENGLISH), new Actor("op-test", Role.OPERATOR),
                TaskRunner.background(), pulse, new RecordingSink());
        stage.setScene(window.scene());
        stage.show();
        pulse.start();
        runtime.start(null);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }


    @Test
    void liveTileChangesThenLimitAlarmIsAcknowledgedThroughTheUiAndJournaled(FxRobot robot) throws Exception {
        // 1. a live value arrives in a tile and then changes
        String tag = "RX.R201.TT";
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> fx(() -> window.overview().shown(tag).quality() == Quality.GOOD));
        TileState first = fx(() -> window.overview().shown(tag));
        assertTrue(first.value() > 100 && first.value() < 200, "plausible reactor temperature " + first.value());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> fx(() -> window.overview().shown(tag).value() != first.value()));
        double shownOnTile = fx(() -> window.overview().tile(tag).getValue());
        assertNotEquals(0.0, shownOnTile, "the TilesFX tile shows the value");

        // 2. a gas leak drives the warehouse detector over its H limit (20 %LEL) over OPC UA
        String gas = "WH.GD11";
        runtime.server().force(gas, 32, 600);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> window.alarms().table().getItems().stream()
                .anyMatch(r -> r.tag().equals(gas) && r.unacknowledged())));
        AlarmRow row = fx(() -> window.alarms().table().getItems().stream()
                .filter(r -> r.tag().equals(gas)).findFirst().orElseThrow());
        assertEquals(2, row.grade(), "H of a combustible gas detector is grade 2");
        assertEquals("UNACK", row.state());
        assertTrue(fx(() -> window.overview().shown(gas).alarmGrade()) == 2, "the tile shows the alarm grade");

        // 3. the operator selects it and presses Acknowledge with a comment
        robot.interact(() -> window.alarms().table().getSelectionModel().select(row));
        robot.clickOn("#ack-comment").write("ventilation started");
        robot.clickOn("#ack-selected");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> fx(() -> window.alarms().message().getText()).startsWith("Acknowledged 1"));
        // the banner follows on the display pulse after the engine's event, so it may lag the message by a pulse
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> fx(() -> window.banner().shown().stream().noneMatch(r -> r.tag().equals(gas))));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> window.alarms().table().getItems().stream()
                .anyMatch(r -> r.tag().equals(gas) && !r.unacknowledged() && r.state().equals("ACKED"))));

        // 4. the journal row is in the SQLite file (read with plain JDBC, not through Vigil)
        Path db = dataDir.resolve(VigilRuntime.DEMO_DB);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT from_state, to_state, user_name, user_role, comment, priority "
                     + "FROM alarm_journal WHERE tag = '" + gas + "' AND event = 'ACK'")) {
            assertTrue(rs.next(), "ACK row journaled");
            assertEquals("UNACK", rs.getString(1));
            assertEquals("ACKED", rs.getString(2));
            assertEquals("op-test", rs.getString(3));
            assertEquals("OPERATOR", rs.getString(4));
            assertEquals("ventilation started", rs.getString(5));
            assertEquals(2, rs.getInt(6));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM alarm_journal WHERE tag = '" + gas
                     + "' AND event = 'ACTIVATE' AND to_state = 'UNACK'")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "the raise was journaled too");
        }
        // the acknowledgement is also in the hash-chained audit trail, and the chain verifies
        var audit = runtime.accounts().get(60, TimeUnit.SECONDS).audit();
        assertTrue(audit.verify().ok(), "audit chain intact");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_log WHERE target = '" + row.id() + "'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "one audit entry for the acknowledgement");
        }
    }
}
