package com.vigil.model;

/** A plant area (tank farm, reactor unit ...), with names in both UI languages. */
public record Area(String id, String nameZh, String nameEn) {
    public String name(java.util.Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
