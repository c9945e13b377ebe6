package com.vigil.model;

/**
 * Alarm priority / warning grade after the Chinese four-colour scheme. {@link #GRADE_1} is the most
 * severe (一级/重大, red); {@link #GRADE_4} the least (四级/低, blue).
 */
public enum Priority {
    GRADE_1(1),
    GRADE_2(2),
    GRADE_3(3),
    GRADE_4(4);

    private final int grade;

    Priority(int grade) {
        this.grade = grade;
    }

    public int grade() {
        return grade;
    }

    public static Priority ofGrade(int grade) {
        for (Priority p : values()) {
            if (p.grade == grade) {
                return p;
            }
        }
        throw new IllegalArgumentException("grade must be 1..4, was " + grade);
    }
}
