package dev.vellum.query;

import static dev.vellum.query.QuerySchemas.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.query.Filter.Comparison;
import dev.vellum.query.Filter.Predicate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterCheckerTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "nope = 1                      | 0  | unknown_field         | no field or attribute 'nope'",
            "views = \"10\"                | 8  | type_mismatch         | 'views' is a number value: compare it with a number, not a string",
            "title = 3                     | 8  | type_mismatch         | compare it with a \"string\"",
            "featured < true               | 9  | operator_not_supported| booleans have no order",
            "views ~ 3                     | 6  | operator_not_supported| '~' applies to text and lists",
            "published ~ \"2024\"          | 10 | operator_not_supported| '~' applies to text and lists",
            "status = \"gone\"             | 9  | not_an_option         | \"gone\" is not one of [draft, live]",
            "tags ~ \"z\"                  | 7  | not_an_option         | \"z\" is not one of [a, b, c]",
            "tags = \"a\"                  | 5  | operator_not_supported| use '~'",
            "cover = \"x\"                 | 6  | operator_not_supported| only 'is null'",
            "body in []                    | 0  | operator_not_supported| only 'is null'",
            "published > \"yesterday\"     | 12 | invalid_value         | is not a valid date",
            "color = \"blue\"              | 8  | invalid_value         | is not a valid color",
            "views > 1e999                 | 8  | out_of_range          | out of range",
            "tags.name = \"x\"             | 0  | not_a_reference       | only reference fields can be followed",
            "related.title = \"x\"         | 0  | not_a_reference       | 'related' is a references field",
            "category.nope = 1             | 0  | unknown_field         | in collection 'categories'",
            "lost.name = \"x\"             | 0  | unknown_collection    | 'nowhere', which does not exist",
            "draft = 1                     | 8  | type_mismatch         | compare it with true or false",
            "version ~ 1                   | 8  | operator_not_supported| '~' applies",
            "ranks ~ \"1\"                 | 8  | type_mismatch         | compare it with a number",
    })
    void typeErrorsSayWhatAndWhere(String filter, int position, String code, String message) {
        assertThatThrownBy(() -> check(filter)).isInstanceOfSatisfying(VellumException.BadRequest.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_filter");
            assertThat(e.errors()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(code);
                assertThat(f.position()).isEqualTo(position);
                assertThat(f.message()).contains(message);
            });
        });
    }

    @Test
    void everyFaultIsReportedAtOnce() {
        assertThatThrownBy(() -> check("nope = 1 and views = \"x\" or featured > false"))
                .isInstanceOfSatisfying(VellumException.BadRequest.class, e -> assertThat(e.errors())
                        .extracting(FieldError::code, FieldError::position)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("unknown_field", 0),
                                org.assertj.core.groups.Tuple.tuple("type_mismatch", 21),
                                org.assertj.core.groups.Tuple.tuple("operator_not_supported", 37)));
    }

    @Test
    void notIsPushedDownToTheConditions() {
        Filter f = check("not (views > 3 and (title ~ \"x\" or featured is null))");
        Filter.Any any = (Filter.Any) f;
        Filter.Test views = (Filter.Test) any.parts().get(0);
        assertThat(views.negated()).isTrue();
        assertThat(views.predicate()).isEqualTo(new Predicate.Compare(Comparison.GT, 3L));
        Filter.All inner = (Filter.All) any.parts().get(1);
        assertThat(inner.parts()).allSatisfy(p -> assertThat(((Filter.Test) p).negated()).isTrue());
    }

    @Test
    void notEqualIsANegatedEqualAndDoubleNegationCancels() {
        Filter.Test ne = (Filter.Test) check("status != \"live\"");
        assertThat(ne.negated()).isTrue();
        assertThat(ne.predicate()).isEqualTo(new Predicate.Compare(Comparison.EQ, "live"));
        assertThat(((Filter.Test) check("not not status = \"live\"")).negated()).isFalse();
        assertThat(((Filter.Test) check("not status != \"live\"")).negated()).isFalse();
        assertThat(((Filter.Test) check("not featured is not null")).negated()).isFalse();
    }

    @Test
    void literalsAreTypedForTheirField() {
        assertThat(operand("views = 3")).isEqualTo(3L);
        assertThat(operand("views = 3.0")).isEqualTo(3L);
        assertThat(operand("views > 2.5")).isEqualTo(2.5d);
        assertThat(operand("views > 1e30")).isEqualTo(1e30d);
        assertThat(operand("score = 3")).as("real fields compare as doubles").isEqualTo(3d);
        assertThat(operand("version = 2")).isEqualTo(2L);
        assertThat(operand("published >= \"2024-05-01T12:00:00+02:00\"")).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(operand("published >= \"2024-05-01\"")).isEqualTo("2024-05-01");
        assertThat(operand("color = \"#FFF\"")).isEqualTo("#ffffff");
        assertThat(operand("color < \"#FFF\"")).as("order comparisons take text as written").isEqualTo("#FFF");
        assertThat(operand("draft = false")).isEqualTo(false);
        assertThat(((Filter.Test) check("category.name ~ \"News\"")).attribute().via().target().id()).isEqualTo("categories");
    }

    @Test
    void listsTakeHasElementAndInMeansHasAny() {
        assertThat(((Filter.Test) check("tags ~ \"a\"")).predicate()).isEqualTo(new Predicate.HasElement(List.of("a")));
        assertThat(((Filter.Test) check("tags in [\"a\", \"b\"]")).predicate()).isEqualTo(new Predicate.HasElement(List.of("a", "b")));
        assertThat(((Filter.Test) check("ranks ~ 3")).predicate()).isEqualTo(new Predicate.HasElement(List.of(3L)));
        assertThat(((Filter.Test) check("title ~ \"Java\"")).predicate()).isEqualTo(new Predicate.ContainsText("Java"));
        assertThat(((Filter.Test) check("status in [\"live\"]")).predicate()).isEqualTo(new Predicate.OneOf(List.of("live")));
    }

    @Test
    void blankFiltersMatchEverything() {
        assertThat(check("")).isSameAs(Filter.ALL);
        assertThat(check("   ")).isSameAs(Filter.ALL);
        assertThat(check(null)).isSameAs(Filter.ALL);
    }

    private static Object operand(String filter) {
        return ((Predicate.Compare) ((Filter.Test) check(filter)).predicate()).operand();
    }
}
