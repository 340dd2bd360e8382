package dev.vellum.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.error.VellumException;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void wordsPhrasesAndPrefixesBecomeEachEnginesSyntax() {
        SearchTerms t = SearchTerms.parse("Running \"virtual Threads\" optim* Café");
        assertThat(t.fts5()).isEqualTo("\"run\" \"virtual thread\" \"optim\"* \"cafe\"");
        assertThat(t.tsquery()).isEqualTo("'run' & ('virtual' <-> 'thread') & 'optim':* & 'cafe'");
        assertThat(SearchTerms.parse("e-mail").fts5()).isEqualTo("\"e mail\"");
        assertThat(SearchTerms.parse("\"big red car*\"").tsquery()).isEqualTo("('big' <-> 'red' <-> 'car':*)");
    }

    @Test
    void blankIsNoSearch() {
        assertThat(SearchTerms.parse(null)).isNull();
        assertThat(SearchTerms.parse("   ")).isNull();
    }

    @Test
    void engineSyntaxInTheInputIsOnlyText() {
        // FTS5 operators, column filters, NEAR, quotes and tsquery operators reach the engines as plain words
        String hostile = "title:java NEAR(a b) ^start \"unclosed AND OR NOT ) ( '|& !x <-> y:* \\\" ";
        SearchTerms t = SearchTerms.parse(hostile);
        assertThat(t.fts5()).matches("(\"[\\p{L}\\p{N} ]+\"\\*? ?)+");
        assertThat(t.tsquery()).matches("[\\p{L}\\p{N}' &()<\\->:*]+");
        assertThat(t.tsquery()).doesNotContain("''").doesNotContain("!").doesNotContain("|");
    }

    @Test
    void queriesThatCannotRunAre400WithTheirReason() {
        assertThatThrownBy(() -> SearchTerms.parse("!!! ???")).isInstanceOfSatisfying(VellumException.BadRequest.class,
                e -> assertThat(e.errors().getFirst().code()).isEqualTo("no_words"));
        assertThatThrownBy(() -> SearchTerms.parse("a*")).isInstanceOfSatisfying(VellumException.BadRequest.class,
                e -> assertThat(e.errors().getFirst().code()).isEqualTo("prefix_too_short"));
        assertThatThrownBy(() -> SearchTerms.parse("x".repeat(501))).isInstanceOfSatisfying(VellumException.BadRequest.class,
                e -> assertThat(e.code()).isEqualTo("invalid_search"));
        assertThatThrownBy(() -> SearchTerms.parse("w ".repeat(33))).isInstanceOfSatisfying(VellumException.BadRequest.class,
                e -> assertThat(e.errors().getFirst().code()).isEqualTo("too_many_words"));
    }
}
