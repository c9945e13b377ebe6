package com.vigil.ui.kit;

import java.io.InputStream;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/** The themes; dark (control room) first. Also loads the bundled CJK font once. */
public enum Theme {
    DARK("/com/vigil/ui/kit/theme-dark.css");

    /** Family name of the bundled font that renders Chinese on machines without CJK fonts. */
    public static final String FONT_FAMILY = "Droid Sans Fallback";
    private static volatile boolean fontLoaded;
    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheet() {
        return stylesheet;
    }

    public void apply(Scene scene) {
        loadFont();
        scene.getStylesheets().add(Theme.class.getResource(stylesheet).toExternalForm());
    }

    /** Registers the bundled font with JavaFX (idempotent). */
    public static synchronized void loadFont() {
        if (fontLoaded) {
            return;
        }
        try (InputStream in = Theme.class.getResourceAsStream("/com/vigil/ui/kit/fonts/DroidSansFallbackFull.ttf")) {
            if (in != null) {
                Font.loadFont(in, 13);
            }
        } catch (java.io.IOException e) {
            System.err.println("could not load the bundled CJK font: " + e.getMessage());
        }
        fontLoaded = true;
    }
}
