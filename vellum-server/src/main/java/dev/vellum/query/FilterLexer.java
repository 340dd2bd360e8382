package dev.vellum.query;

import dev.vellum.query.FilterToken.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens. Strings are double-quoted, with {@code \"} and {@code \\} as the only escapes. */
final class FilterLexer {
    private final String text;
    private int pos;

    private FilterLexer(String text) {
        this.text = text;
    }

    static List<FilterToken> tokens(String text) {
        FilterLexer lexer = new FilterLexer(text);
        List<FilterToken> out = new ArrayList<>();
        FilterToken t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.END);
        return out;
    }

    private FilterToken next() {
        while (pos < text.length() && isSpace(text.charAt(pos))) pos++;
        int start = pos;
        if (pos >= text.length()) return new FilterToken(Kind.END, "", start);
        char c = text.charAt(pos);
        if (c == '"') return string(start);
        if (isDigit(c) || (c == '-' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) return number(start);
        if (isWordStart(c)) {
            while (pos < text.length() && isWordPart(text.charAt(pos))) pos++;
            return new FilterToken(Kind.WORD, text.substring(start, pos), start);
        }
        pos++;
        return switch (c) {
            case '(' -> new FilterToken(Kind.LPAREN, "(", start);
            case ')' -> new FilterToken(Kind.RPAREN, ")", start);
            case '[' -> new FilterToken(Kind.LBRACKET, "[", start);
            case ']' -> new FilterToken(Kind.RBRACKET, "]", start);
            case ',' -> new FilterToken(Kind.COMMA, ",", start);
            case '.' -> new FilterToken(Kind.DOT, ".", start);
            case '~' -> new FilterToken(Kind.TILDE, "~", start);
            case '=' -> new FilterToken(Kind.EQ, "=", start);
            case '<' -> followedByEquals() ? new FilterToken(Kind.LE, "<=", start) : new FilterToken(Kind.LT, "<", start);
            case '>' -> followedByEquals() ? new FilterToken(Kind.GE, ">=", start) : new FilterToken(Kind.GT, ">", start);
            case '!' -> {
                if (followedByEquals()) yield new FilterToken(Kind.NE, "!=", start);
                throw FilterErrors.syntax("'!' must be followed by '=' (use 'not' to negate)", start);
            }
            default -> throw FilterErrors.syntax("unexpected character '" + printable(c) + "'", start);
        };
    }

    private boolean followedByEquals() {
        if (pos < text.length() && text.charAt(pos) == '=') {
            pos++;
            return true;
        }
        return false;
    }

    private FilterToken string(int start) {
        StringBuilder value = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') return new FilterToken(Kind.STRING, value.toString(), start);
            if (c == '\0') throw FilterErrors.syntax("strings cannot contain the NUL character", pos - 1);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (pos >= text.length()) break;
            char escaped = text.charAt(pos++);
            if (escaped != '"' && escaped != '\\') {
                throw FilterErrors.syntax("unknown escape '\\" + printable(escaped) + "' in a string (only \\\" and \\\\ are escapes)", pos - 2);
            }
            value.append(escaped);
        }
        throw FilterErrors.syntax("string is not closed (a '\"' is missing)", start);
    }

    /** {@code -?digits(.digits)?([eE][+-]?digits)?} */
    private FilterToken number(int start) {
        if (text.charAt(pos) == '-') pos++;
        digits(start);
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits(start);
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            digits(start);
        }
        if (pos < text.length() && isWordPart(text.charAt(pos))) {
            throw FilterErrors.syntax("malformed number '" + text.substring(start, pos + 1) + "'", start);
        }
        return new FilterToken(Kind.NUMBER, text.substring(start, pos), start);
    }

    private void digits(int numberStart) {
        int from = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) pos++;
        if (pos == from) throw FilterErrors.syntax("malformed number '" + text.substring(numberStart, Math.min(text.length(), pos + 1)) + "'", numberStart);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
