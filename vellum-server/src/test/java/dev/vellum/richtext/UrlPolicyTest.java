package dev.vellum.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    @Test
    void canonicalFormIsWhatABrowserParses() {
        assertThat(UrlPolicy.canonical(" \tjav\ta\nscr\ript:x\u0000\u0085 ")).isEqualTo("javascript:x");
        assertThat(UrlPolicy.canonical("https://x.y/a b")).isEqualTo("https://x.y/a b");
        assertThat(UrlPolicy.canonical("/\ud800x😀\udc00")).isEqualTo("/x😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:x", " javascript:x", "java\tscript:x", "vbscript:x",
        "data:text/html,x", "data:image/png;base64,AA", "file:///etc/passwd", "feed:javascript:x", "x-y:z", "<a>", "a\"b", "`x`"})
    void unsafeLinksAreRefused(String url) {
        assertThat(UrlPolicy.LINK.accept(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x.y/", "HTTP://X.Y", "mailto:a@b.c", "tel:+1", "/path", "path/to:x", "#frag", "?q=1",
        "//cdn.x.y/a", "https://x.y/a b", "https://x.y/é", "https://x.y/😀"})
    void safeLinksAreAccepted(String url) {
        assertThat(UrlPolicy.LINK.accept(url)).contains(url);
    }

    /** Issue 14: a dangerous scheme behind Unicode space or format characters is refused like a plain one. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00a0javascript:alert(1)", "javascript\u00a0:alert(1)", "java\u00a0script:x", "\u180ejavascript:x",
        "java\u180escript:x", "\u2007javascript:x", "java\u2007script:x", "\u200bjavascript:x", "java\u200bscript:x",
        "java\u200cscript:x", "java\u200dscript:x", "\u2060javascript:x", "\ufeffjavascript:x", "java\ufeffscript:x",
        "\u3000javascript:x", "\u202fvbscript:x", "data\u2028:text/html,x", "\u00a0\u200b data:text/html,x"})
    void schemesHiddenBehindInvisibleCharactersAreRefused(String url) {
        assertThat(UrlPolicy.LINK.accept(url)).isEmpty();
        assertThat(UrlPolicy.IMAGE.accept(url)).isEmpty();
        assertThat(UrlPolicy.EMBED.accept(url)).isEmpty();
        assertThat(UrlPolicy.LINK.accept("javascript:x")).isEmpty(); // the plain form, for comparison
    }

    @Test
    void invisibleCharactersAtTheEndsAreTrimmedLikeSpaces() {
        assertThat(UrlPolicy.canonical("\u00a0\u200bhttps://x.y/\ufeff\u2007")).isEqualTo("https://x.y/");
        assertThat(UrlPolicy.LINK.accept("\u00a0https://x.y/a\u00a0b")).contains("https://x.y/a\u00a0b");
        assertThat(UrlPolicy.LINK.problem("\u00a0https://x.y/")).isNotNull(); // not canonical as written
    }

    @Test
    void eachUseHasItsOwnSchemes() {
        assertThat(UrlPolicy.IMAGE.accept("mailto:a@b.c")).isEmpty();
        assertThat(UrlPolicy.IMAGE.accept("/a.png")).contains("/a.png");
        assertThat(UrlPolicy.EMBED.accept("/video")).isEmpty();
        assertThat(UrlPolicy.EMBED.accept("https://vimeo.com/1")).contains("https://vimeo.com/1");
        assertThat(UrlPolicy.EMBED.problem("/video")).isEqualTo("URL must be absolute (http or https)");
    }

    @Test
    void schemeIsLowerCaseAndOnlyBeforeThePath() {
        assertThat(UrlPolicy.scheme("HTTPS://x")).contains("https");
        assertThat(UrlPolicy.scheme("a/b:c")).isEqualTo(Optional.empty());
        assertThat(UrlPolicy.scheme(":x")).isEqualTo(Optional.empty());
    }
}
