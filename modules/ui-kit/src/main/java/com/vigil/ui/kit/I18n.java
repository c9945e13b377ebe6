package com.vigil.ui.kit;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible string comes from the {@code com.vigil.ui.kit.messages} bundles (en and zh_CN).
 * The locale follows the OS unless set (option {@code --lang}).
 */
public final class I18n {
    public static final String BUNDLE = "com.vigil.ui.kit.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    /**
     * The text of {@code prefix + code} (a code stored by name, e.g. a journal event), or the code itself when there
     * is no such key (a code written by a newer or older version): never "!key!" for data.
     */
    public String code(String prefix, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        return bundle.containsKey(prefix + code) ? t(prefix + code) : code;
    }

    /** The text for {@code key}, with {0}, {1} ... filled from {@code args}. */
    public String t(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }
}
