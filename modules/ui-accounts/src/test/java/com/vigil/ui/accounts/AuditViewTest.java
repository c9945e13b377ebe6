package com.vigil.ui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AuditAction;
import com.vigil.accounts.AuditTrail;
import com.vigil.accounts.InMemoryAuditStore;
import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AuditViewTest {
    @TempDir
    Path dir;

    private final AuditTrail trail = new AuditTrail(new InMemoryAuditStore(),
            Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
    private AuditView view;

    @Start
    void start(Stage stage) {
        trail.alarmAction(new Actor("op1", Role.OPERATOR), "ACK", "WH.GD11:H", true, "UNACK", "ACKED", "vent on", null);
        trail.alarmAction(new Actor("op1", Role.OPERATOR), "CONFIRM", "WH.GD11:H", false, "ACKED", "ACKED", "",
                "role OPERATOR may not confirm");
        trail.record(new Actor("sl1", Role.SHIFT_LEADER), AuditAction.values()[0], "x", null, null, "");
        view = new AuditView(trail, TaskRunner.sameThread(), new I18n(Locale.ENGLISH));
        stage.setScene(new Scene(view, 1200, 600));
        stage.show();
    }

    @Test
    void loadsFiltersVerifiesAndExports(FxRobot robot) throws Exception {
        robot.clickOn("#audit-load");
        assertEquals(3, WaitForAsyncUtils.asyncFx(() -> view.table().getItems().size()).get(5, TimeUnit.SECONDS));
        robot.clickOn("#audit-user").write("op1");
        robot.clickOn("#audit-load");
        assertEquals(2, WaitForAsyncUtils.asyncFx(() -> view.table().getItems().size()).get(5, TimeUnit.SECONDS));
        robot.clickOn("#audit-verify");
        assertEquals("Audit chain intact: 3 entries", WaitForAsyncUtils.asyncFx(() -> view.message().getText())
                .get(5, TimeUnit.SECONDS));
        Path csv = dir.resolve("audit.csv");
        robot.interact(() -> view.export(csv));
        String text = Files.readString(csv);
        assertTrue(text.contains("WH.GD11:H") && text.contains("op1"), text);
        assertTrue(!text.contains("sl1"), "the export follows the user filter");
    }
}
