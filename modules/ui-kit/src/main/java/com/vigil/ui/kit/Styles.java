package com.vigil.ui.kit;

/** Every CSS style-class name Vigil uses, in one place. */
public final class Styles {
    public static final String APP = "vigil-app";
    public static final String STATUS_BAR = "vigil-status-bar";
    public static final String STATUS_OK = "vigil-status-ok";
    public static final String STATUS_BAD = "vigil-status-bad";
    public static final String STATUS_WARN = "vigil-status-warn";
    public static final String AREA_TITLE = "vigil-area-title";
    public static final String AREA_BOX = "vigil-area-box";
    public static final String PANEL_TITLE = "vigil-panel-title";
    public static final String ALARM_TABLE = "vigil-alarm-table";
    public static final String ALARM_ROW_GRADE = "vigil-alarm-row-"; // + 1..4
    public static final String ALARM_ROW_UNACK = "vigil-alarm-unack";
    public static final String ALARM_ROW_RTN = "vigil-alarm-rtn";
    public static final String GRADE_BADGE = "vigil-grade-badge";
    public static final String GRADE_BADGE_N = "vigil-grade-badge-"; // + 1..4
    public static final String ACTION_BUTTON = "vigil-action";
    public static final String MESSAGE = "vigil-message";
    public static final String MESSAGE_ERROR = "vigil-message-error";
    public static final String TOOLBAR = "vigil-toolbar";
    public static final String BANNER = "vigil-banner";
    public static final String TREND = "vigil-trend";

    private Styles() {
    }
}
