package com.vigil.ui.kit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;

/**
 * Colour tokens, read from the theme's CSS (the only place colours are defined). Components drawn
 * in code (TilesFX tiles, JFreeChart) take their colours from here, so CSS stays the single source.
 */
public final class CssTokens {
    private static final Pattern TOKEN = Pattern.compile("(-vigil-[a-z0-9-]+)\\s*:\\s*(#[0-9a-fA-F]{6,8})\\s*;");
    private final Map<String, Color> colors;

    private CssTokens(Map<String, Color> colors) {
        this.colors = colors;
    }

    /** Tokens of the dark control-room theme. */
    public static CssTokens dark() {
        return load(Theme.DARK.stylesheet());
    }

    public static CssTokens load(String resource) {
        try (InputStream in = CssTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("theme missing: " + resource);
            }
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Color> m = new HashMap<>();
            Matcher mt = TOKEN.matcher(css);
            while (mt.find()) {
                m.put(mt.group(1), Color.web(mt.group(2)));
            }
            return new CssTokens(m);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read theme " + resource, e);
        }
    }

    /** The colour of token {@code name} (e.g. {@code -vigil-alarm-1}); fails loudly on unknown tokens. */
    public Color color(String name) {
        Color c = colors.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no colour token " + name + " in the theme");
        }
        return c;
    }

    /** Alarm colour of a grade 1..4. */
    public Color alarm(int grade) {
        return color("-vigil-alarm-" + grade);
    }

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
