package dev.vellum.query;

import dev.vellum.query.FilterExpr.Literal;
import dev.vellum.query.FilterExpr.Operator;
import dev.vellum.query.FilterExpr.Path;
import dev.vellum.query.FilterToken.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Parses the filter language (docs/query.md) by recursive descent:
 * <pre>
 * filter    = or
 * or        = and { "or" and }
 * and       = unary { "and" unary }
 * unary     = "not" unary | "(" or ")" | condition
 * condition = path ( op literal | "in" "[" [ literal { "," literal } ] "]" | "is" [ "not" ] "null" )
 * </pre>
 * Hostile input is bounded before anything is built: the length, the nesting depth, the number of
 * conditions and the size of each list are limited.
 */
public final class FilterParser {
    public static final int MAX_BYTES = 4096;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_CONDITIONS = 64;
    public static final int MAX_LIST = 100;
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "true", "false");

    private final List<FilterToken> tokens;
    private int next;
    private int depth;
    private int conditions;

    private FilterParser(List<FilterToken> tokens) {
        this.tokens = tokens;
    }

    /** The syntax tree of {@code text}; a 400 ({@code invalid_filter}, {@code filter_too_long/complex}) if it is not one. */
    public static FilterExpr parse(String text) {
        int bytes = utf8Length(text);
        if (bytes > MAX_BYTES) throw FilterErrors.tooLong(bytes, MAX_BYTES);
        FilterParser p = new FilterParser(FilterLexer.tokens(text));
        FilterExpr e = p.or();
        FilterToken rest = p.peek();
        if (rest.kind() != Kind.END) {
            String hint = rest.kind() == Kind.RPAREN ? "unmatched ')'" : "expected 'and', 'or' or the end, found " + rest.describe();
            throw FilterErrors.syntax(hint, rest.position());
        }
        return e;
    }

    private FilterExpr or() {
        return chain("or", this::and, FilterExpr.Or::new);
    }

    private FilterExpr and() {
        return chain("and", this::unary, FilterExpr.And::new);
    }

    /** {@code operand { keyword operand }}: one operand stays itself, more become one node. */
    private FilterExpr chain(String keyword, Supplier<FilterExpr> operand, BiFunction<List<FilterExpr>, Integer, FilterExpr> node) {
        List<FilterExpr> parts = new ArrayList<>(List.of(operand.get()));
        while (peek().is(keyword)) {
            next++;
            parts.add(operand.get());
        }
        return parts.size() == 1 ? parts.getFirst() : node.apply(parts, parts.getFirst().position());
    }

    private FilterExpr unary() {
        FilterToken t = peek();
        if (t.is("not") || t.kind() == Kind.LPAREN) {
            next++;
            if (++depth > MAX_DEPTH) throw FilterErrors.tooComplex("nested deeper than " + MAX_DEPTH + " levels", t.position());
            FilterExpr inner;
            if (t.kind() == Kind.LPAREN) {
                inner = or();
                expect(Kind.RPAREN, "to close the '(' at position " + t.position());
            } else {
                inner = new FilterExpr.Not(unary(), t.position());
            }
            depth--;
            return inner;
        }
        return condition();
    }

    private FilterExpr condition() {
        Path path = path();
        if (++conditions > MAX_CONDITIONS) throw FilterErrors.tooComplex("more than " + MAX_CONDITIONS + " conditions", path.position());
        FilterToken t = take();
        if (t.is("is")) {
            boolean negated = peek().is("not");
            if (negated) next++;
            FilterToken n = take();
            if (!n.is("null")) throw FilterErrors.syntax("expected 'null' after 'is" + (negated ? " not" : "") + "', found " + n.describe(), n.position());
            return new FilterExpr.IsNull(path, negated);
        }
        if (t.is("in")) return new FilterExpr.In(path, list());
        Operator op = switch (t.kind()) {
            case EQ -> Operator.EQ;
            case NE -> Operator.NE;
            case LT -> Operator.LT;
            case LE -> Operator.LE;
            case GT -> Operator.GT;
            case GE -> Operator.GE;
            case TILDE -> Operator.CONTAINS;
            default -> throw FilterErrors.syntax("expected an operator (= != < <= > >= ~ in, is null) after '" + path.text()
                    + "', found " + t.describe(), t.position());
        };
        return new FilterExpr.Comparison(path, op, t.position(), literal());
    }

    private Path path() {
        FilterToken head = take();
        if (head.kind() != Kind.WORD || KEYWORDS.contains(head.text().toLowerCase(java.util.Locale.ROOT))) {
            throw FilterErrors.syntax("expected a field name, found " + head.describe(), head.position());
        }
        if (peek().kind() != Kind.DOT) return new Path(head.text(), null, head.position());
        next++;
        FilterToken tail = take();
        if (tail.kind() != Kind.WORD) throw FilterErrors.syntax("expected a field name after '.', found " + tail.describe(), tail.position());
        if (peek().kind() == Kind.DOT) {
            throw FilterErrors.syntax("only one '.' is allowed: a filter can follow one reference", peek().position());
        }
        return new Path(head.text(), tail.text(), head.position());
    }

    private List<Literal> list() {
        expect(Kind.LBRACKET, "after 'in'");
        List<Literal> values = new ArrayList<>();
        if (peek().kind() == Kind.RBRACKET) {
            next++;
            return values;
        }
        do {
            if (values.size() == MAX_LIST) throw FilterErrors.tooComplex("more than " + MAX_LIST + " values in a list", peek().position());
            values.add(literal());
        } while (peek().kind() == Kind.COMMA && take() != null);
        expect(Kind.RBRACKET, "to close the list");
        return values;
    }

    private Literal literal() {
        FilterToken t = take();
        return switch (t.kind()) {
            case STRING -> new Literal.Text(t.text(), t.position());
            case NUMBER -> new Literal.Number(number(t), t.text(), t.position());
            case WORD -> {
                if (t.is("true") || t.is("false")) yield new Literal.Bool(t.is("true"), t.position());
                if (t.is("null")) throw FilterErrors.syntax("null is not a value here: use 'is null' or 'is not null'", t.position());
                throw FilterErrors.syntax("expected a value (a \"string\", a number, true or false), found " + t.describe()
                        + " (strings need double quotes)", t.position());
            }
            default -> throw FilterErrors.syntax("expected a value (a \"string\", a number, true or false), found " + t.describe(), t.position());
        };
    }

    private static BigDecimal number(FilterToken t) {
        try {
            return new BigDecimal(t.text());
        } catch (NumberFormatException e) {
            throw FilterErrors.syntax("the number " + t.text() + " is out of range", t.position());
        }
    }

    private void expect(Kind kind, String why) {
        FilterToken t = take();
        if (t.kind() != kind) throw FilterErrors.syntax("expected " + kind.description + " " + why + ", found " + t.describe(), t.position());
    }

    private FilterToken peek() {
        return tokens.get(next);
    }

    /** The next token; at the end, the end token again (never past it). */
    private FilterToken take() {
        FilterToken t = tokens.get(next);
        if (t.kind() != Kind.END) next++;
        return t;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
