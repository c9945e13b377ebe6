package com.vigil.warning.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written lexer for the rule language. Identifiers are tag ids: letters, digits, '_', '.', and ':'
 * (e.g. {@code TF.T101.LT}); keywords are case-insensitive. Numbers may carry a duration unit
 * ({@code ms}, {@code s}, {@code m}, {@code h}), e.g. {@code 5m}. {@code #} starts a comment to end of line.
 */
final class Lexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int col = 1;

    Lexer(String src) {
        this.src = src;
    }

    List<Token> tokens() throws RuleParseException {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.EOF, "", 0, line, col));
                return out;
            }
            int l = line, c = col;
            char ch = src.charAt(pos);
            if (Character.isDigit(ch) || (ch == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                out.add(number(l, c));
            } else if (Character.isLetter(ch) || ch == '_') {
                int start = pos;
                while (pos < src.length() && isIdentPart(src.charAt(pos))) advance();
                String w = src.substring(start, pos);
                Token.Kind k = switch (w.toLowerCase(Locale.ROOT)) {
                    case "and" -> Token.Kind.AND;
                    case "or" -> Token.Kind.OR;
                    case "not" -> Token.Kind.NOT;
                    case "for" -> Token.Kind.FOR;
                    case "true" -> Token.Kind.TRUE;
                    case "false" -> Token.Kind.FALSE;
                    default -> Token.Kind.IDENT;
                };
                out.add(new Token(k, w, 0, l, c));
            } else {
                out.add(symbol(l, c));
            }
        }
    }

    private static boolean isIdentPart(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == ':';
    }

    private Token number(int l, int c) throws RuleParseException {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) advance();
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')
            && pos + 1 < src.length() && (Character.isDigit(src.charAt(pos + 1)) || src.charAt(pos + 1) == '-' || src.charAt(pos + 1) == '+')) {
            advance();
            advance();
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) advance();
        }
        String num = src.substring(start, pos);
        double v;
        try {
            v = Double.parseDouble(num);
        } catch (NumberFormatException e) {
            throw new RuleParseException(l, c, "a number", "'" + num + "'");
        }
        int unitStart = pos;
        while (pos < src.length() && Character.isLetter(src.charAt(pos))) advance();
        String unit = src.substring(unitStart, pos);
        if (unit.isEmpty()) return new Token(Token.Kind.NUMBER, num, v, l, c);
        double factor = switch (unit) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m", "min" -> 60_000;
            case "h" -> 3_600_000;
            default -> throw new RuleParseException(l, c + (unitStart - start), "a duration unit (ms, s, m, h)", "'" + unit + "'");
        };
        return new Token(Token.Kind.DURATION, num + unit, v * factor, l, c);
    }

    private Token symbol(int l, int c) throws RuleParseException {
        char ch = src.charAt(pos);
        char next = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
        Token.Kind k;
        String text = String.valueOf(ch);
        switch (ch) {
            case '(' -> k = Token.Kind.LPAREN;
            case ')' -> k = Token.Kind.RPAREN;
            case ',' -> k = Token.Kind.COMMA;
            case '+' -> k = Token.Kind.PLUS;
            case '-' -> k = Token.Kind.MINUS;
            case '*' -> k = Token.Kind.STAR;
            case '/' -> k = Token.Kind.SLASH;
            case '>' -> { k = next == '=' ? Token.Kind.GE : Token.Kind.GT; if (next == '=') text = ">="; }
            case '<' -> { k = next == '=' ? Token.Kind.LE : Token.Kind.LT; if (next == '=') text = "<="; }
            case '=' -> {
                if (next != '=') throw new RuleParseException(l, c, "'==' (comparison)", "'='");
                k = Token.Kind.EQ;
                text = "==";
            }
            case '!' -> {
                if (next != '=') throw new RuleParseException(l, c, "'!='", "'!'");
                k = Token.Kind.NE;
                text = "!=";
            }
            default -> throw new RuleParseException(l, c, "a tag, number, operator or parenthesis", "'" + ch + "'");
        }
        for (int i = 0; i < text.length(); i++) advance();
        return new Token(k, text, 0, l, c);
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (ch == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') advance();
            } else if (Character.isWhitespace(ch)) {
                advance();
            } else {
                return;
            }
        }
    }

    private void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        pos++;
    }
}
