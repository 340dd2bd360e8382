package dev.vellum.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginPatternTest {
    @Test
    void exactOriginsMatchSchemeHostAndPort() {
        OriginPattern p = OriginPattern.parse("https://Site.Example.com").orElseThrow();
        assertThat(p.matches("https://site.example.com")).isTrue();
        assertThat(p.matches("http://site.example.com")).isFalse();
        assertThat(p.matches("https://site.example.com:8443")).isFalse();
        assertThat(p.matches("https://site.example.com.evil.net")).isFalse();
        assertThat(OriginPattern.parse("http://localhost:3000").orElseThrow().matches("http://localhost:3000")).isTrue();
        assertThat(OriginPattern.parse("http://localhost:3000").orElseThrow().matches("http://localhost:3001")).isFalse();
    }

    @Test
    void wildcardsMatchSubdomainsOnly() {
        OriginPattern any = OriginPattern.parse("*.example.com").orElseThrow();
        assertThat(any.matches("https://a.example.com")).isTrue();
        assertThat(any.matches("http://a.b.example.com")).isTrue();
        assertThat(any.matches("https://example.com")).isFalse();
        assertThat(any.matches("https://badexample.com")).isFalse();
        OriginPattern https = OriginPattern.parse("https://*.example.com").orElseThrow();
        assertThat(https.matches("http://a.example.com")).isFalse();
        assertThat(OriginPattern.parse("*").orElseThrow().matches("https://anything.test")).isTrue();
    }

    @Test
    void nonOriginsAreRefused() {
        for (String bad : new String[] {"example.com", "https://example.com/path", "javascript:alert(1)", "https://*", "ftp://x.y",
            "https://exa mple.com", "", "https://*.*.example.com"}) {
            assertThat(OriginPattern.parse(bad)).as(bad).isEmpty();
        }
    }
}
