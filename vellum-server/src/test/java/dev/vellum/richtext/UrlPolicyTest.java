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
