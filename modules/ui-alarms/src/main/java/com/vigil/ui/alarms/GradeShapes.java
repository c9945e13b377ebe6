package com.vigil.ui.alarms;

/** The shape that goes with each grade, so a grade is never told by colour alone. */
public final class GradeShapes {
    private GradeShapes() {
    }

    public static String shape(int grade) {
        return switch (grade) {
            case 1 -> "◆";
            case 2 -> "▲";
            case 3 -> "■";
            default -> "●";
        };
    }
}
