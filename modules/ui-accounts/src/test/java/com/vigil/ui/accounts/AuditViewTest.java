package com.vigil.ui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.accounts.AccountPolicy;
import com.vigil.accounts.AccountService;
import com.vigil.accounts.AuditAction;
import com.vigil.accounts.AuditEntry;
import com.vigil.accounts.AuditFilter;
import com.vigil.accounts.AuditTrail;
import com.vigil.accounts.InMemoryAuditStore;
import com.vigil.accounts.InMemoryUserStore;
import com.vigil.accounts.PasswordHasher;
import com.vigil.accounts.Session;
import com.vigil.model.Actor;
import com.vigil.model.Role;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final AuditTrail trail = new AuditTrail(new InMemoryAuditStore(), clock);
    private final AccountService service = new AccountService(new InMemoryUserStore(), trail, clock,
            AccountPolicy.defaults().withHashing(new PasswordHasher.Params(1024, 1, 1)));
    private final Session admin = service.createFirstAdmin("admin", "Admin", "Correct-Horse-42".toCharArray());
    private Session acting = admin;
    private AuditView view;

    @Start
    void start(Stage stage) {
        trail.alarmAction(new Actor("op1", Role.OPERATOR), "ACK", "WH.GD11:H", true, "UNACK", "ACKED", "vent on", null);
        trail.alarmAction(new Actor("op1", Role.OPERATOR), "CONFIRM", "WH.GD11:H", false, "ACKED", "ACKED", "",
                "role OPERATOR may not confirm");
        trail.record(new Actor("sl1", Role.SHIFT_LEADER), AuditAction.values()[0], "x", null, null, "");
        view = new AuditView(service, () -> acting, TaskRunner.sameThread(), new I18n(Locale.ENGLISH));
        stage.setScene(new Scene(view, 1200, 600));
        stage.show();
    }

    @Test
    void loadsFiltersVerifiesAndExports(FxRobot robot) throws Exception {
        robot.clickOn("#audit-load");
        assertEquals(5, WaitForAsyncUtils.asyncFx(() -> view.table().getItems().size()).get(60, TimeUnit.SECONDS));
        robot.clickOn("#audit-user").write("op1");
        robot.clickOn("#audit-load");
        assertEquals(2, WaitForAsyncUtils.asyncFx(() -> view.table().getItems().size()).get(60, TimeUnit.SECONDS));
        // on screen in the reader's language (user, action, outcome); the stored codes stay in the export
        assertEquals(Set.of("op1 (operator)|Alarm acknowledged|Done", "op1 (operator)|Alarm confirmed|Refused"),
                WaitForAsyncUtils.asyncFx(() -> {
                    Set<String> rows = new java.util.HashSet<>();
                    for (int i = 0; i < view.table().getItems().size(); i++) {
                        rows.add(view.table().getColumns().get(2).getCellData(i) + "|"
                                + view.table().getColumns().get(3).getCellData(i) + "|"
                                + view.table().getColumns().get(4).getCellData(i));
                    }
                    return rows;
                }).get(60, TimeUnit.SECONDS));
        robot.clickOn("#audit-verify");
        assertEquals("Audit chain intact: 5 entries", WaitForAsyncUtils.asyncFx(() -> view.message().getText())
                .get(60, TimeUnit.SECONDS));
        Path csv = dir.resolve("audit.csv");
        robot.interact(() -> view.export(csv));
        String text = Files.readString(csv);
        assertTrue(text.contains("WH.GD11:H") && text.contains("op1"), text);
        assertTrue(!text.contains("sl1"), "the export follows the user filter");
        List<AuditEntry> exports = trail.find(new AuditFilter(null, null, "admin", Set.of("AUDIT_EXPORT")), 10);
        assertEquals(1, exports.size(), "the export is audited");
        assertEquals("DONE", exports.get(0).outcome());
    }

    @Test
    void theExportNeedsAuditExport(FxRobot robot) throws Exception {
        service.createUser(admin, "op.li", "Li", Role.OPERATOR, "Operator-Pass-1".toCharArray());
        acting = service.login("op.li", "Operator-Pass-1".toCharArray()).session();
        Path csv = dir.resolve("audit.csv");
        robot.interact(() -> view.export(csv));
        assertEquals("Not allowed: export the audit trail. This session may not do it.",
                WaitForAsyncUtils.asyncFx(() -> view.message().getText()).get(60, TimeUnit.SECONDS));
        assertTrue(Files.notExists(csv), "a refused export writes no file");
        List<AuditEntry> refused = trail.find(new AuditFilter(null, null, "op.li", Set.of("AUDIT_EXPORT")), 10);
        assertEquals(1, refused.size(), "the refusal is audited");
        assertEquals("REFUSED", refused.get(0).outcome());

        acting = null;
        robot.interact(() -> view.export(csv));
        assertEquals("Not allowed: nobody is logged in.",
                WaitForAsyncUtils.asyncFx(() -> view.message().getText()).get(60, TimeUnit.SECONDS));
    }
}
