package com.vigil.warning.rules;

import java.util.List;

/** Syntax tree of a rule expression. */
public sealed interface Expr {
    record Num(double value) implements Expr { }
    record Bool(boolean value) implements Expr { }
    /** Current value of a tag (a discrete tag is true when non-zero). */
    record Tag(String id) implements Expr { }
    /** Built-in window function: {@code rate}, {@code avg}, {@code min}, {@code max}, {@code delta}. */
    record Call(String function, String tag, long windowMillis) implements Expr { }
    record Unary(String op, Expr operand) implements Expr { }
    record Binary(String op, Expr left, Expr right) implements Expr { }

    /** Tags referenced by an expression. */
    static void tags(Expr e, List<String> out) {
        if (e instanceof Tag t) {
            if (!out.contains(t.id())) out.add(t.id());
        } else if (e instanceof Call c) {
            if (!out.contains(c.tag())) out.add(c.tag());
        } else if (e instanceof Unary u) {
            tags(u.operand(), out);
        } else if (e instanceof Binary b) {
            tags(b.left(), out);
            tags(b.right(), out);
        }
    }
}
