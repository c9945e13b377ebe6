package com.vigil.warning.rules;

/** A lexical token with its 1-based position. */
record Token(Kind kind, String text, double number, int line, int column) {
    enum Kind { NUMBER, DURATION, IDENT, AND, OR, NOT, FOR, TRUE, FALSE, LPAREN, RPAREN, COMMA, PLUS, MINUS, STAR, SLASH, GT, GE, LT, LE, EQ, NE, EOF }

    String describe() {
        return switch (kind) {
            case EOF -> "end of rule";
            case NUMBER, DURATION -> "'" + text + "'";
            case IDENT -> "tag '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
