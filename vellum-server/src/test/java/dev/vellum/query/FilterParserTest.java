package dev.vellum.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.error.VellumException;
import dev.vellum.query.FilterExpr.And;
import dev.vellum.query.FilterExpr.Comparison;
import dev.vellum.query.FilterExpr.In;
import dev.vellum.query.FilterExpr.IsNull;
import dev.vellum.query.FilterExpr.Literal;
import dev.vellum.query.FilterExpr.Not;
import dev.vellum.query.FilterExpr.Operator;
import dev.vellum.query.FilterExpr.Or;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        FilterExpr e = FilterParser.parse("a = 1 or not b = 2 and c = 3");
        Or or = (Or) e;
        assertThat(or.parts()).hasSize(2);
        assertThat(((Comparison) or.parts().get(0)).path().head()).isEqualTo("a");
        And and = (And) or.parts().get(1);
        assertThat(and.parts().get(0)).isInstanceOf(Not.class);
        assertThat(((Comparison) and.parts().get(1)).path().head()).isEqualTo("c");
    }

    @Test
    void parenthesesGroup() {
        And and = (And) FilterParser.parse("(a = 1 or b = 2) and c = 3");
        assertThat(and.parts().get(0)).isInstanceOf(Or.class);
    }

    @Test
    void everyOperatorAndLiteralKind() {
        assertThat(op("x = 1")).isEqualTo(Operator.EQ);
        assertThat(op("x != 1")).isEqualTo(Operator.NE);
        assertThat(op("x<1")).isEqualTo(Operator.LT);
        assertThat(op("x<=1")).isEqualTo(Operator.LE);
        assertThat(op("x>1")).isEqualTo(Operator.GT);
        assertThat(op("x >= 1")).isEqualTo(Operator.GE);
        assertThat(op("x ~ 1")).isEqualTo(Operator.CONTAINS);
        assertThat(value("x = -12.5e2")).isEqualTo(new Literal.Number(new BigDecimal("-12.5e2"), "-12.5e2", 4));
        assertThat(value("x = true")).isEqualTo(new Literal.Bool(true, 4));
        assertThat(value("x = FALSE")).isEqualTo(new Literal.Bool(false, 4));
        assertThat(value("x = \"say \\\"hi\\\" \\\\ bye\"")).isEqualTo(new Literal.Text("say \"hi\" \\ bye", 4));
        assertThat(value("x = \"\"")).isEqualTo(new Literal.Text("", 4));
    }

    @Test
    void keywordsIgnoreCase() {
        assertThat(FilterParser.parse("a = 1 AND b IS NOT NULL Or NOT c = 2")).isInstanceOf(Or.class);
    }

    @Test
    void inListsAndNullChecks() {
        In in = (In) FilterParser.parse("tags in [\"a\", \"b\"]");
        assertThat(in.values()).extracting(l -> ((Literal.Text) l).value()).containsExactly("a", "b");
        assertThat(((In) FilterParser.parse("tags in []")).values()).isEmpty();
        assertThat(((IsNull) FilterParser.parse("x is null")).negated()).isFalse();
        assertThat(((IsNull) FilterParser.parse("x is not null")).negated()).isTrue();
    }

    @Test
    void referencePaths() {
        Comparison c = (Comparison) FilterParser.parse("  category.name = \"x\"");
        assertThat(c.path().head()).isEqualTo("category");
        assertThat(c.path().tail()).isEqualTo("name");
        assertThat(c.path().position()).isEqualTo(2);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "views >              | 7  | expected a value",
            "title = \"abc        | 8  | string is not closed",
            "(a = 1               | 6  | expected ')'",
            "a = 1)               | 5  | unmatched ')'",
            "a == 1               | 3  | expected a value",
            "a = live             | 4  | strings need double quotes",
            "a = null             | 4  | use 'is null'",
            "a.b.c = 1            | 3  | only one '.'",
            "a = 1 b = 2          | 6  | expected 'and', 'or' or the end",
            "!a = 1               | 0  | '!' must be followed by '='",
            "a # 1                | 2  | unexpected character '#'",
            "a is nul             | 5  | expected 'null'",
            "and = 1              | 0  | expected a field name",
            "a in [1, 2           | 10 | expected ']'",
            "a in 1               | 5  | expected '['",
            "a = 1.               | 4  | malformed number",
            "a = 12abc            | 4  | malformed number",
            "a = \"x\\n\"         | 6  | unknown escape",
            "''                   | 0  | expected a field name",
            "a                    | 1  | expected an operator",
    })
    void syntaxErrorsSayWhatAndWhere(String filter, int position, String message) {
        assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOfSatisfying(VellumException.BadRequest.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_filter");
            assertThat(e.errors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("filter");
                assertThat(f.position()).isEqualTo(position);
                assertThat(f.message()).contains(message).contains("at position " + position);
            });
        });
    }

    @Test
    void limitsAreEnforcedWithTheirOwnCodes() {
        String longFilter = "title = \"" + "x".repeat(FilterParser.MAX_BYTES) + "\"";
        assertThat(code(longFilter)).isEqualTo("filter_too_long");
        assertThat(code("é".repeat(2049))).as("counted in UTF-8 bytes").isEqualTo("filter_too_long");
        String deep = "(".repeat(FilterParser.MAX_DEPTH + 1) + "a = 1" + ")".repeat(FilterParser.MAX_DEPTH + 1);
        assertThat(code(deep)).isEqualTo("filter_too_complex");
        assertThat(code("not ".repeat(FilterParser.MAX_DEPTH + 1) + "a = 1")).isEqualTo("filter_too_complex");
        String ok = "(".repeat(FilterParser.MAX_DEPTH) + "a = 1" + ")".repeat(FilterParser.MAX_DEPTH);
        assertThat(FilterParser.parse(ok)).isInstanceOf(Comparison.class);
        String many = String.join(" or ", java.util.Collections.nCopies(FilterParser.MAX_CONDITIONS + 1, "a = 1"));
        assertThat(code(many)).isEqualTo("filter_too_complex");
        String list = "a in [" + String.join(",", java.util.Collections.nCopies(FilterParser.MAX_LIST + 1, "1")) + "]";
        assertThat(code(list)).isEqualTo("filter_too_complex");
    }

    private static String code(String filter) {
        try {
            FilterParser.parse(filter);
            return "parsed";
        } catch (VellumException e) {
            return e.code();
        }
    }

    private static Operator op(String filter) {
        return ((Comparison) FilterParser.parse(filter)).op();
    }

    private static Literal value(String filter) {
        return ((Comparison) FilterParser.parse(filter)).value();
    }
}
