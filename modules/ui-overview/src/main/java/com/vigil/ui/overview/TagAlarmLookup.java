package com.vigil.ui.overview;

/** Tells the overview the alarm situation of a tag (provided by the app from the alarm engine). */
public interface TagAlarmLookup {
    /** The most severe current alarm of the tag, or {@code null}. */
    TagAlarm worst(String tag);

    /** Changes whenever any alarm changed (cheap check for the pulse). */
    long version();

    record TagAlarm(int grade, String label, boolean unacknowledged) {
    }

    TagAlarmLookup NONE = new TagAlarmLookup() {
        @Override
        public TagAlarm worst(String tag) {
            return null;
        }

        @Override
        public long version() {
            return 0;
        }
    };
}
