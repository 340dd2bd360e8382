package dev.vellum.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void portersExamplesStemAsInThePaper() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("caresses", "caress"), Map.entry("ponies", "poni"), Map.entry("cats", "cat"), Map.entry("feed", "feed"),
                Map.entry("agreed", "agre"), Map.entry("plastered", "plaster"), Map.entry("motoring", "motor"), Map.entry("sing", "sing"),
                Map.entry("hopping", "hop"), Map.entry("falling", "fall"), Map.entry("hissing", "hiss"), Map.entry("filing", "file"),
                Map.entry("happy", "happi"), Map.entry("sky", "sky"), Map.entry("relational", "relat"), Map.entry("running", "run"),
                Map.entry("generalizations", "gener"), Map.entry("oscillators", "oscil"), Map.entry("goodness", "good"),
                Map.entry("adjustment", "adjust"), Map.entry("cease", "ceas"), Map.entry("roll", "roll"), Map.entry("controll", "control"),
                Map.entry("connection", "connect"), Map.entry("connected", "connect"), Map.entry("connecting", "connect"),
                Map.entry("connections", "connect"), Map.entry("is", "is"), Map.entry("a", "a"));
        cases.forEach((word, stem) -> assertThat(PorterStemmer.stem(word)).as(word).isEqualTo(stem));
    }

    @Test
    void textIsFoldedSplitAndStemmed() {
        assertThat(SearchText.words("Café CULTURE: Crème-brûlée, naïve résumés!")).containsExactly("cafe", "cultur", "creme", "brule", "naiv", "resum");
        assertThat(SearchText.words("İstanbul Straße ＡＢＣ ½ x2 2026")).containsExactly("istanbul", "straße", "abc", "1", "2", "x2", "2026");
        assertThat(SearchText.words("Ελληνικά και 日本語のテキスト")).containsExactly("ελληνικα", "και", "日本語のテキスト");
        assertThat(SearchText.words("  \n\t ")).isEmpty();
        assertThat(SearchText.words("ok " + "x".repeat(65) + " done")).containsExactly("ok", "done");
    }

    @Test
    void aDocumentKeepsTitleAndBodyApartInItsTsvector() {
        SearchDocument d = new SearchDocument(List.of("hello", "world"), List.of("world", "again"));
        assertThat(d.tsvector()).isEqualTo("'hello':1A 'world':2A,4B 'again':5B");
        assertThat(SearchDocument.joined(d.body())).isEqualTo("world again");
    }
}
