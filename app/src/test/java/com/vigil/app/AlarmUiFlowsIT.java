package com.vigil.app;

import static com.vigil.app.FxTests.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.alarm.AlarmConfig;
import com.vigil.alarm.AlarmEngine;
import com.vigil.alarm.ManualClock;
import com.vigil.app.runtime.AlarmUiAdapter;
import com.vigil.app.runtime.JournalAdapter;
import com.vigil.model.Actor;
import com.vigil.model.Quality;
import com.vigil.model.Role;
import com.vigil.model.Sample;
import com.vigil.persistence.db.Database;
import com.vigil.plantconfig.PlantDefinition;
import com.vigil.plantconfig.PlantFiles;
import com.vigil.reports.export.TableExport;
import com.vigil.ui.alarms.AlarmBanner;
import com.vigil.ui.alarms.AlarmFilter;
import com.vigil.ui.alarms.AlarmListView;
import com.vigil.ui.alarms.AlarmListViewModel;
import com.vigil.ui.alarms.AlarmRow;
import com.vigil.ui.alarms.Annunciator;
import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import com.vigil.ui.kit.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The alarm list's operator flows through the real UI, the real alarm engine (driven by a test clock)
 * and the real SQLite journal: acknowledge one and many, tiered confirmation refused and accepted,
 * shelve with reason and automatic unshelve, filter and sort, history export.
 */
@ExtendWith(ApplicationExtension.class)
class AlarmUiFlowsIT {
    static final Actor OPERATOR = new Actor("demo-operator", Role.OPERATOR);
    static final Actor SHIFT_LEADER = new Actor("demo-shift-leader", Role.SHIFT_LEADER);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final AtomicReference<Actor> actor = new AtomicReference<>(OPERATOR);
    private final RecordingSink sound = new RecordingSink();
    private Database db;
    private AlarmEngine engine;
    private AlarmListView list;
    private AlarmBanner banner;
    private Annunciator annunciator;
    private FxPulse pulse;

    @Start
    void start(Stage stage) {
        PlantDefinition plant = PlantFiles.demo();
        db = Database.open(dir.resolve("vigil.db"));
        engine = new AlarmEngine(AlarmConfig.fromPlant(plant.plant()), clock,
                new JournalAdapter(CompletableFuture.completedFuture(db)));
        I18n i18n = new I18n(Locale.ENGLISH);
        AlarmUiAdapter adapter = new AlarmUiAdapter(engine, plant, i18n, actor::get, CompletableFuture.completedFuture(db));
        pulse = new FxPulse(10);
        AlarmListViewModel model = new AlarmListViewModel(adapter);
        list = new AlarmListView(model, adapter, adapter, adapter, TaskRunner.sameThread(), i18n, pulse, r -> { },
                clock::millis);
        annunciator = new Annunciator(model, sound, i18n, pulse, true, clock::millis);
        banner = new AlarmBanner(model, i18n, pulse, r -> list.reveal(r.id()), annunciator::silence);
        Scene scene = new Scene(new BorderPane(list, banner, null, null, null), 1400, 800);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }


    private void samples(Object... tagValue) throws Exception {
        List<Sample> batch = new java.util.ArrayList<>();
        for (int i = 0; i < tagValue.length; i += 2) {
            batch.add(Sample.good((String) tagValue[i], clock.millis(), ((Number) tagValue[i + 1]).doubleValue()));
        }
        engine.onBatch(batch);
        fx(() -> {
            pulse.pulse();
            return null;
        });
    }

    private AlarmRow row(String tag, String type) throws Exception {
        return fx(() -> list.table().getItems().stream().filter(r -> r.tag().equals(tag) && r.type().equals(type))
                .findFirst().orElse(null));
    }

    private void select(FxRobot robot, AlarmRow... rows) {
        robot.interact(() -> {
            list.table().getSelectionModel().clearSelection();
            for (AlarmRow r : rows) {
                list.table().getSelectionModel().select(r);
            }
        });
    }

    /**
     * The grade badges of a table as drawn (the text the skin shows, "…" if cut), sorted, each marked when it runs
     * past its cell. Runs on the FX thread.
     */
    private static List<String> shownBadges(TableView<AlarmRow> table) {
        table.applyCss();
        table.layout(); // the rows' cells, now rather than on the next pulse
        return table.lookupAll(".vigil-grade-badge").stream()
                .filter(n -> n instanceof Label l && l.getParent() instanceof TableCell<?, ?>)
                .map(n -> {
                    Label l = (Label) n;
                    Text shown = (Text) l.lookup(".text");
                    boolean inside = l.getBoundsInParent().getMaxX() <= ((TableCell<?, ?>) l.getParent()).getWidth();
                    return shown.getText() + (inside ? "" : " (overflows its cell)");
                }).sorted().toList();
    }

    private String message() throws Exception {
        return fx(() -> list.message().getText());
    }

    @Test
    void acknowledgeOneAndManyWithCommentsJournaled(FxRobot robot) throws Exception {
        samples("WH.GD11", 32.0, "TF.T101.TT", 50.0, "TF.T102.TT", 51.0, "UT.CW.TT", 40.0);
        assertEquals(4, fx(() -> list.table().getItems().size()));
        assertEquals(2, sound.tones.get(sound.tones.size() - 1), "grade 2 sounds (the most severe present)");
        assertEquals(4, fx(() -> banner.shown().size()));

        select(robot, row("WH.GD11", "H"));
        robot.clickOn("#ack-comment").write("ventilation on");
        robot.clickOn("#ack-selected");
        assertEquals("Acknowledged 1; journal committed.", message());
        AlarmRow gas = row("WH.GD11", "H");
        assertEquals("ACKED", gas.state());
        assertFalse(gas.unacknowledged());
        assertTrue(gas.confirmDue(), "grade 2 still needs the shift leader");

        robot.clickOn("#ack-all");
        assertEquals("Acknowledged 3; journal committed.", message());
        assertTrue(fx(() -> list.table().getItems().stream().noneMatch(AlarmRow::unacknowledged)));
        fx(() -> {
            pulse.pulse();
            return null;
        });
        assertEquals(0, fx(() -> banner.shown().size()), "banner empty once all are acknowledged");
        assertEquals(0, annunciator.sounding(), "nothing sounds any more");

        List<String> acks = journal("ACK");
        assertEquals(4, acks.size(), "four ACK rows: " + acks);
        assertTrue(acks.contains("WH.GD11|demo-operator|ventilation on"), acks.toString());
    }

    @Test
    void tieredConfirmationRefusedForOperatorAcceptedForShiftLeader(FxRobot robot) throws Exception {
        samples("WH.GD11", 32.0);
        select(robot, row("WH.GD11", "H"));
        robot.clickOn("#ack-selected");
        select(robot, row("WH.GD11", "H"));
        robot.clickOn("#ack-comment").write("checked on site");
        robot.clickOn("#confirm");
        assertTrue(message().startsWith("Refused:"), message());
        assertEquals("checked on site", fx(() -> ((javafx.scene.control.TextField) robot.lookup("#ack-comment").query())
                .getText()), "a refused action keeps what the operator typed");

        actor.set(SHIFT_LEADER);
        select(robot, row("WH.GD11", "H"));
        robot.clickOn("#confirm");
        assertEquals("Confirmed 1; journal committed.", message());
        List<String> confirms = journal("CONFIRM");
        assertTrue(confirms.contains("WH.GD11|demo-shift-leader|checked on site"), confirms.toString());
        assertTrue(journalRefusals().stream().anyMatch(r -> r.startsWith("WH.GD11|demo-operator")),
                "the refusal is journaled too");
    }

    @Test
    void shelveNeedsReasonAndUnshelvesAutomatically(FxRobot robot) throws Exception {
        samples("TF.T101.TT", 50.0);
        select(robot, row("TF.T101.TT", "H"));
        robot.clickOn("#shelve");
        assertEquals("Shelving needs a reason: type it in the comment field.", message());

        robot.clickOn("#ack-comment").write("sensor under maintenance");
        select(robot, row("TF.T101.TT", "H"));
        robot.clickOn("#shelve"); // the first preset: 15 min
        assertEquals("Shelved 1; journal committed.", message());
        assertEquals(null, row("TF.T101.TT", "H"), "shelved alarms leave the active list");
        robot.clickOn("#view-shelved");
        AlarmRow shelved = row("TF.T101.TT", "H");
        assertEquals("SHELVED", shelved.state());
        assertEquals(clock.millis() + Duration.ofMinutes(15).toMillis(), shelved.shelvedUntilMillis());

        clock.advance(Duration.ofMinutes(16));
        engine.tick();
        fx(() -> {
            pulse.pulse();
            return null;
        });
        assertEquals(null, row("TF.T101.TT", "H"), "gone from the shelved list");
        robot.clickOn("#view-active");
        assertTrue(row("TF.T101.TT", "H") != null && !row("TF.T101.TT", "H").state().equals("SHELVED"),
                "back in the active list after the shelve time");
        assertTrue(journal("AUTO_UNSHELVE").size() == 1, "automatic unshelve journaled");
    }

    @Test
    void filterByGradeAndTextAndDefaultOrder(FxRobot robot) throws Exception {
        samples("TF.T101.TT", 50.0); // grade 3
        clock.advance(Duration.ofSeconds(10));
        samples("WH.GD11", 45.0); // H grade 2 and HH grade 1
        clock.advance(Duration.ofSeconds(10));
        samples("UT.CW.TT", 40.0); // grade 3, newest
        List<AlarmRow> rows = fx(() -> List.copyOf(list.table().getItems()));
        assertEquals(List.of(1, 2, 3, 3), rows.stream().map(AlarmRow::grade).toList(), "grade first");
        assertEquals("UT.CW.TT", rows.get(2).tag(), "then newest first");
        // a filter reads as grade and count, never as one number ("1 0" looked like ten)
        assertEquals(List.of("Grade 1: 1", "Grade 2: 1", "Grade 3: 2", "Grade 4: 0"), fx(() -> List.of(
                robot.lookup("#grade-filter-1").queryLabeled().getText(), robot.lookup("#grade-filter-2").queryLabeled().getText(),
                robot.lookup("#grade-filter-3").queryLabeled().getText(), robot.lookup("#grade-filter-4").queryLabeled().getText())));
        // every grade badge shows its whole text inside its cell: a grade is never cut to "…"
        assertEquals(List.of("◆ 1", "▲ 2", "■ 3", "■ 3").stream().sorted().toList(), fx(() -> shownBadges(list.table())),
                "the four badges, each whole and inside its cell");
        // the same list in Chinese, where the badge is wider ("■ 三级" was cut to "■ …") and a due tier says 待
        List<String> zh = fx(() -> {
            I18n zhI18n = new I18n(Locale.SIMPLIFIED_CHINESE);
            AlarmUiAdapter zhAdapter = new AlarmUiAdapter(engine, PlantFiles.demo(), zhI18n, actor::get,
                    CompletableFuture.completedFuture(db));
            AlarmListView zhList = new AlarmListView(new AlarmListViewModel(zhAdapter), zhAdapter, zhAdapter, zhAdapter,
                    TaskRunner.sameThread(), zhI18n, pulse, r -> { }, clock::millis);
            Stage zhStage = new Stage();
            Scene zhScene = new Scene(zhList, 1400, 600);
            Theme.DARK.apply(zhScene);
            zhStage.setScene(zhScene);
            zhStage.show();
            pulse.pulse();
            List<String> out = new java.util.ArrayList<>(shownBadges(zhList.table()));
            out.add(String.valueOf(zhList.table().getColumns().stream().filter(c -> c.getText().equals("分级确认"))
                    .findFirst().orElseThrow().getCellData(0)));
            zhStage.close();
            return out;
        });
        assertEquals(List.of("◆ 一级", "▲ 二级", "■ 三级", "■ 三级").stream().sorted().toList(), zh.subList(0, 4),
                "the Chinese badges, each whole and inside its cell");
        assertTrue(zh.get(4).startsWith("待 "), "a due tier reads 待 …, never a bare …: " + zh.get(4));

        robot.clickOn("#grade-filter-3");
        assertEquals(Set.of("TF.T101.TT", "UT.CW.TT"), fx(() -> Set.copyOf(list.table().getItems().stream()
                .map(AlarmRow::tag).toList())));
        robot.clickOn("#grade-filter-3");
        robot.clickOn("#alarm-search").write("cooling");
        assertEquals(List.of("UT.CW.TT"), fx(() -> list.table().getItems().stream().map(AlarmRow::tag).toList()));
        robot.interact(() -> list.setFilter(AlarmFilter.ALL));
        assertEquals(4, fx(() -> list.table().getItems().size()));
    }

    @Test
    void alarmTypesReadInTheOperatorsLanguageNeverAsEnumNames() throws Exception {
        engine.onBatch(List.of(new Sample("TF.T101.TT", clock.millis(), Double.NaN, Quality.BAD)));
        fx(() -> {
            pulse.pulse();
            return null;
        });
        assertTrue(row("TF.T101.TT", "Bad value") != null, "the list says Bad value, not BAD_QUALITY");
        AlarmUiAdapter zh = new AlarmUiAdapter(engine, PlantFiles.demo(), new I18n(Locale.SIMPLIFIED_CHINESE), actor::get,
                CompletableFuture.completedFuture(db));
        assertEquals("坏值", zh.worst("TF.T101.TT").label(), "and so does the tile");
    }

    @Test
    void historyExportWritesTheJournalRows(FxRobot robot) throws Exception {
        samples("WH.GD11", 32.0);
        select(robot, row("WH.GD11", "H"));
        robot.clickOn("#ack-comment").write("通风已启动");
        robot.clickOn("#ack-selected");
        robot.clickOn("#view-history");
        robot.interact(() -> list.history().load());
        assertEquals(2, fx(() -> list.history().table().getItems().size()), "activation and acknowledgement");
        // on screen in the reader's language, never the stored codes (ACK, UNACK → ACKED, OPERATOR)
        assertEquals(List.of("H", "Acknowledged", "Active, unacknowledged → Active, acknowledged",
                "demo-operator (operator)"), fx(() -> List.of(2, 4, 5, 6).stream()
                .map(i -> String.valueOf(list.history().table().getColumns().get(i).getCellData(0))).toList()),
                "type, event, transition, user of the newest entry");
        Path csv = dir.resolve("journal.csv");
        robot.interact(() -> list.history().export(csv, TableExport.Format.CSV));
        assertTrue(fx(() -> list.history().message().getText()).startsWith("Exported 2 entries"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("\uFEFFtime,tag,alarm,grade,event,from_state,to_state,user,role,comment,tiers", lines.get(0));
        assertTrue(lines.get(1).startsWith("2026-11-23T08:00:00Z,WH.GD11,H,2,ACK,UNACK,ACKED,demo-operator,OPERATOR,通风已启动"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("2026-11-23T08:00:00Z,WH.GD11,H,2,ACTIVATE,NORMAL,UNACK,"), lines.get(2));
        Path xlsx = dir.resolve("journal.xlsx");
        robot.interact(() -> list.history().export(xlsx, TableExport.Format.XLSX));
        assertTrue(Files.size(xlsx) > 500, "xlsx written");
    }

    private List<String> journal(String event) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vigil.db"));
             var st = c.prepareStatement("SELECT tag, user_name, comment FROM alarm_journal WHERE event = ? "
                     + "AND refusal IS NULL ORDER BY id")) {
            st.setString(1, event);
            List<String> out = new java.util.ArrayList<>();
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
            return out;
        }
    }

    private List<String> journalRefusals() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vigil.db"));
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT tag, user_name, refusal FROM alarm_journal WHERE refusal IS NOT NULL")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
            return out;
        }
    }
}
