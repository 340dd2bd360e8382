package dev.vellum.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello, World!|hello-world",
            "Héllo Wörld — ça va?|hello-world-ca-va",
            "  --Leading and trailing--  |leading-and-trailing",
            "C++ & Java 21|c-java-21",
            "日本語|''",
            "Ünïcödé|unicode"})
    void makesSlugsFromText(String text, String slug) {
        assertThat(Slugs.fromText(text)).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "hello-world", "v1.2", "snake_case", "日本語", "a"})
    void acceptsValidSlugs(String slug) {
        assertThat(Slugs.valid(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "-lead", "has space", "a/b", "", "q?x"})
    void refusesInvalidSlugs(String slug) {
        assertThat(Slugs.valid(slug)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void generatedSlugsAreCappedOnAWordBoundary() {
        String slug = Slugs.fromText("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").startsWith("word-word");
    }
}
