package com.vigil.ui.kit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The controls every Vigil view builds the same way. */
public final class Controls {
    private Controls() {
    }

    /** An action button: the text of {@code key} in the UI language, the node id (tests), the action style. */
    public static Button actionButton(I18n i18n, String id, String key, Runnable onAction) {
        Button b = new Button(i18n.t(key));
        b.setId(id);
        b.getStyleClass().add(Styles.ACTION_BUTTON);
        b.setOnAction(e -> onAction.run());
        return b;
    }

    /** Adds a text column headed by {@code key} showing {@code value} of each row; returns it. */
    public static <R> TableColumn<R, String> textColumn(TableView<R> table, I18n i18n, String key,
                                                        Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(i18n.t(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
        return c;
    }
}
