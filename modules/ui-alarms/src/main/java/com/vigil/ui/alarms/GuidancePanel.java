package com.vigil.ui.alarms;

import com.vigil.ui.kit.I18n;
import com.vigil.ui.kit.Styles;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The selected alarm's guidance (处置措施), a trend of the last 30 minutes with its limits (a node the
 * app supplies), and the related alarms of the same area.
 */
public final class GuidancePanel extends BorderPane {
    private final I18n i18n;
    private final Label title = new Label();
    private final Label guidance = new Label();
    private final ListView<String> related = new ListView<>();

    public GuidancePanel(I18n i18n, Node trend) {
        this.i18n = i18n;
        setId("guidance-panel");
        getStyleClass().add(Styles.GUIDANCE);
        title.getStyleClass().add(Styles.PANEL_TITLE);
        title.setText(i18n.t("guidance.none"));
        guidance.setWrapText(true);
        guidance.setId("guidance-text");
        guidance.getStyleClass().add(Styles.GUIDANCE_TEXT);
        related.setPrefHeight(90);
        related.setPlaceholder(new Label(i18n.t("guidance.noRelated")));
        Label relatedTitle = new Label(i18n.t("guidance.related"));
        relatedTitle.getStyleClass().add(Styles.PANEL_TITLE);
        VBox top = new VBox(4, title, guidance);
        setTop(top);
        setCenter(trend);
        setBottom(new VBox(2, relatedTitle, related));
    }

    /** Shows an alarm and the other alarms of its area. */
    public void show(AlarmRow row, List<AlarmRow> all) {
        title.setText(i18n.t("guidance.title", row.tag(), row.description(), row.type()));
        guidance.setText(row.guidance() == null || row.guidance().isBlank() ? i18n.t("guidance.missing") : row.guidance());
        related.getItems().setAll(all.stream().filter(r -> r.area().equals(row.area()) && !r.id().equals(row.id()))
                .map(r -> GradeShapes.shape(r.grade()) + " " + i18n.t("alarms.grade." + r.grade()) + "  " + r.tag()
                        + "  " + r.type() + "  " + i18n.t("alarms.state." + r.state()))
                .toList());
    }

    public Label guidanceText() {
        return guidance;
    }
}
