package com.vigil.ui.alarms;

import com.vigil.ui.kit.FxPulse;
import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The banner on every screen: the top unacknowledged alarms by grade, flashing until acknowledged;
 * a click jumps to the alarm. Also holds the silence button of the annunciator.
 */
public final class AlarmBanner extends HBox {
    private static final int SHOWN = 5;
    private final AlarmListViewModel model;
    private final I18n i18n;
    private final Consumer<AlarmRow> onJump;
    private final HBox items = new HBox(8);
    private final Label summary = new Label();
    private long lastVersionShown = -1;
    private List<AlarmRow> shown = List.of();
    private int tick;

    public AlarmBanner(AlarmListViewModel model, I18n i18n, FxPulse pulse, Consumer<AlarmRow> onJump, Runnable silence) {
        this.model = model;
        this.i18n = i18n;
        this.onJump = onJump;
        getStyleClass().add(Styles.BANNER);
        setId("alarm-banner");
        setAlignment(Pos.CENTER_LEFT);
        summary.getStyleClass().add(Styles.BANNER_SUMMARY);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button mute = new Button(i18n.t("banner.silence"));
        mute.setId("silence");
        mute.getStyleClass().add(Styles.ACTION_BUTTON);
        mute.setOnAction(e -> silence.run());
        getChildren().addAll(summary, items, spacer, mute);
        pulse.add(this::refresh);
    }

    void refresh() {
        tick++;
        List<AlarmRow> top = model.topUnacknowledged(SHOWN);
        if (!top.equals(shown)) {
            shown = top;
            items.getChildren().clear();
            for (AlarmRow r : top) {
                Label l = new Label(GradeShapes.shape(r.grade()) + " " + i18n.t("alarms.grade." + r.grade()) + "  "
                        + r.tag() + "  " + r.description() + "  " + r.type());
                l.getStyleClass().addAll(Styles.BANNER_ITEM, Styles.GRADE_BADGE_N + r.grade());
                l.setOnMouseClicked(e -> onJump.accept(r));
                l.setUserData(r.id());
                items.getChildren().add(l);
            }
        }
        long unack = model.all().stream().filter(AlarmRow::unacknowledged).count();
        summary.setText(unack == 0 ? i18n.t("banner.clear") : i18n.t("banner.unack", unack));
        // flash at 1 Hz (pulse is 10 Hz): unacknowledged items alternate between full and dimmed
        boolean on = (tick / 5) % 2 == 0;
        items.getChildren().forEach(n -> {
            n.getStyleClass().remove(Styles.BANNER_DIM);
            if (!on) {
                n.getStyleClass().add(Styles.BANNER_DIM);
            }
        });
    }

    /** The alarms the banner shows now (tests). */
    public List<AlarmRow> shown() {
        return shown;
    }
}
