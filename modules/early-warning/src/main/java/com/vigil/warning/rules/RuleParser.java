package com.vigil.warning.rules;

import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the composite rule language (no script engine, nothing is executed):
 * <pre>
 * rule    := expr [ 'for' DURATION ] EOF
 * expr    := and { 'or' and }
 * and     := not { 'and' not }
 * not     := 'not' not | compare
 * compare := sum [ ('&gt;' | '&gt;=' | '&lt;' | '&lt;=' | '==' | '!=') sum ]
 * sum     := term { ('+' | '-') term }
 * term    := unary { ('*' | '/') unary }
 * unary   := '-' unary | primary
 * primary := NUMBER | 'true' | 'false' | TAG | FUNC '(' TAG ',' DURATION ')' | '(' expr ')'
 * FUNC    := rate | avg | min | max | delta
 * </pre>
 * Example: {@code temp > 80 and rate(temp, 5m) > 0.5 and not operator_present for 2m}.
 */
public final class RuleParser {
    /** Window functions; {@code rate} is the robust slope in units per minute. */
    public static final Set<String> FUNCTIONS = Set.of("rate", "avg", "min", "max", "delta");

    private final List<Token> toks;
    private int i;

    private RuleParser(List<Token> toks) {
        this.toks = toks;
    }

    public static Rule parse(String text) throws RuleParseException {
        if (text == null) throw new RuleParseException(1, 1, "a rule", "nothing");
        RuleParser p = new RuleParser(new Lexer(text).tokens());
        if (p.peek().kind() == Token.Kind.EOF) throw new RuleParseException(1, 1, "a condition", "an empty rule");
        Expr e = p.or();
        long forMillis = 0;
        if (p.peek().kind() == Token.Kind.FOR) {
            p.next();
            Token d = p.expect(Token.Kind.DURATION, "a duration such as 2m or 30s after 'for'");
            forMillis = (long) d.number();
        }
        Token end = p.peek();
        if (end.kind() != Token.Kind.EOF) {
            throw new RuleParseException(end.line(), end.column(), "'and', 'or', 'for' or end of rule", end.describe());
        }
        return new Rule(text, e, forMillis);
    }

    private Token peek() {
        return toks.get(i);
    }

    private Token next() {
        return toks.get(i++);
    }

    private Token expect(Token.Kind k, String what) throws RuleParseException {
        Token t = peek();
        if (t.kind() != k) throw new RuleParseException(t.line(), t.column(), what, t.describe());
        return next();
    }

    private Expr or() throws RuleParseException {
        Expr e = and();
        while (peek().kind() == Token.Kind.OR) {
            next();
            e = new Expr.Binary("or", e, and());
        }
        return e;
    }

    private Expr and() throws RuleParseException {
        Expr e = not();
        while (peek().kind() == Token.Kind.AND) {
            next();
            e = new Expr.Binary("and", e, not());
        }
        return e;
    }

    private Expr not() throws RuleParseException {
        if (peek().kind() == Token.Kind.NOT) {
            next();
            return new Expr.Unary("not", not());
        }
        return compare();
    }

    private Expr compare() throws RuleParseException {
        Expr e = sum();
        Token t = peek();
        String op = switch (t.kind()) {
            case GT, GE, LT, LE, EQ, NE -> t.text();
            default -> null;
        };
        if (op == null) return e;
        next();
        Expr r = sum();
        Token after = peek();
        if (after.kind() == Token.Kind.GT || after.kind() == Token.Kind.GE || after.kind() == Token.Kind.LT
            || after.kind() == Token.Kind.LE || after.kind() == Token.Kind.EQ || after.kind() == Token.Kind.NE) {
            throw new RuleParseException(after.line(), after.column(), "'and' or 'or' between comparisons (a < b < c is not allowed)", after.describe());
        }
        return new Expr.Binary(op, e, r);
    }

    private Expr sum() throws RuleParseException {
        Expr e = term();
        while (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
            String op = next().text();
            e = new Expr.Binary(op, e, term());
        }
        return e;
    }

    private Expr term() throws RuleParseException {
        Expr e = unary();
        while (peek().kind() == Token.Kind.STAR || peek().kind() == Token.Kind.SLASH) {
            String op = next().text();
            e = new Expr.Binary(op, e, unary());
        }
        return e;
    }

    private Expr unary() throws RuleParseException {
        if (peek().kind() == Token.Kind.MINUS) {
            next();
            return new Expr.Unary("-", unary());
        }
        return primary();
    }

    private Expr primary() throws RuleParseException {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new Expr.Num(t.number());
            }
            case TRUE -> {
                next();
                return new Expr.Bool(true);
            }
            case FALSE -> {
                next();
                return new Expr.Bool(false);
            }
            case LPAREN -> {
                next();
                Expr e = or();
                expect(Token.Kind.RPAREN, "')'");
                return e;
            }
            case IDENT -> {
                next();
                if (peek().kind() != Token.Kind.LPAREN) return new Expr.Tag(t.text());
                String fn = t.text().toLowerCase(java.util.Locale.ROOT);
                if (!FUNCTIONS.contains(fn)) {
                    throw new RuleParseException(t.line(), t.column(), "one of the functions " + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)), "'" + t.text() + "('");
                }
                next();
                Token tag = expect(Token.Kind.IDENT, "a tag name as first argument of " + fn + "()");
                expect(Token.Kind.COMMA, "',' and a time window, e.g. " + fn + "(" + tag.text() + ", 5m)");
                Token d = expect(Token.Kind.DURATION, "a time window such as 5m or 30s");
                if (d.number() <= 0) throw new RuleParseException(d.line(), d.column(), "a positive time window", d.describe());
                expect(Token.Kind.RPAREN, "')' after the time window");
                return new Expr.Call(fn, tag.text(), (long) d.number());
            }
            case DURATION -> throw new RuleParseException(t.line(), t.column(), "a number without unit (durations only go in functions and after 'for')", t.describe());
            default -> throw new RuleParseException(t.line(), t.column(), "a number, tag, function or '('", t.describe());
        }
    }
}
