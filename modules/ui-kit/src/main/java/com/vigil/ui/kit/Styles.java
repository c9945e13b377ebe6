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
    /** The tile of the alarm the operator selected. */
    public static final String TILE_REVEALED = "vigil-tile-revealed";
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
    public static final String GRADE_TOGGLE = "vigil-grade-toggle";
    public static final String VIEW_TOGGLE = "vigil-view-toggle";
    public static final String ACTION_BAR = "vigil-action-bar";
    public static final String FLOOD = "vigil-flood";
    public static final String FLOOD_TITLE = "vigil-flood-title";
    public static final String FLOOD_FIRST_OUT = "vigil-flood-first-out";
    public static final String BANNER_ITEM = "vigil-banner-item";
    public static final String BANNER_DIM = "vigil-banner-dim";
    public static final String BANNER_SUMMARY = "vigil-banner-summary";
    public static final String GUIDANCE = "vigil-guidance";
    public static final String GUIDANCE_TEXT = "vigil-guidance-text";
    public static final String LOGIN = "vigil-login";
    public static final String LOGIN_PANEL = "vigil-login-panel";
    public static final String LOGIN_TITLE = "vigil-login-title";
    public static final String FORM_HINT = "vigil-form-hint";
    public static final String DEMO_BADGE = "vigil-demo-badge";
    public static final String DEMO_BOX = "vigil-demo-box";
    public static final String LOCK_OVERLAY = "vigil-lock-overlay";
    /** On the console while a lock, switch or password screen covers it: disabled, but drawn at full strength. */
    public static final String COVERED = "vigil-covered";
    public static final String SESSION_USER = "vigil-session-user";
    public static final String DATA_TABLE = "vigil-data-table";

    private Styles() {
    }
}
