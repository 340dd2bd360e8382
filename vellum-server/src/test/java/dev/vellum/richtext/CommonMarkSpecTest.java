package dev.vellum.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of the CommonMark spec (0.31.2) and of the GFM spec: Markdown → document → Markdown
 * → document gives the same document. Whatever the example means, our writer must not change it.
 */
class CommonMarkSpecTest {

    static Stream<Arguments> commonMark() {
        return examples(TestResources.getSpec());
    }

    static Stream<Arguments> gfm() {
        return examples(TestResources.getGfmSpec());
    }

    private static Stream<Arguments> examples(URL spec) {
        return ExampleReader.readExamples(spec).stream()
                .map(example -> Arguments.of(example.getSection() + ": " + example, example));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commonMark")
    void commonMarkExampleSurvivesTheRoundTrip(String name, Example example) {
        assertRoundTrip(example);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gfm")
    void gfmExampleSurvivesTheRoundTrip(String name, Example example) {
        assertRoundTrip(example);
    }

    @Test
    void theSpecsAreAllThere() {
        List<Example> examples = ExampleReader.readExamples(TestResources.getSpec());
        assertThat(examples).hasSizeGreaterThan(640);
        assertThat(examples).anySatisfy(example -> assertThat(example.getSource()).contains("\t"));
        // The law must not hold vacuously: nearly every example reads to a non-empty document.
        assertThat(examples.stream().filter(example -> !RichText.fromMarkdown(example.getSource()).content().isEmpty()))
                .hasSizeGreaterThan(600);
        assertThat(ExampleReader.readExamples(TestResources.getGfmSpec()))
                .anySatisfy(example -> assertThat(example.getSection()).isEqualTo("Tables (extension)"));
    }

    private static void assertRoundTrip(Example example) {
        Document first = RichText.fromMarkdown(example.getSource());
        String written = RichText.toMarkdown(first);
        assertThat(RichText.fromMarkdown(written))
                .as(() -> "source:\n" + example.getSource() + "\n--- written:\n" + written
                        + "\n--- document:\n" + RichText.toJson(first).toPrettyString())
                .isEqualTo(first);
    }
}
