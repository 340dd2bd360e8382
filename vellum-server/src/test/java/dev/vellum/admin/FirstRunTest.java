package dev.vellum.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.app.Vellum;
import dev.vellum.config.VellumConfig;
import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** First start: the server says where the admin UI is and prints the generated admin token to sign in with. */
class FirstRunTest {

    @Test
    void serveSaysWhereTheAdminIsAndPrintsTheGeneratedTokenOnce() {
        try (Backend backend = Backend.sqlite()) {
            VellumConfig config = backend.config(Map.of("VELLUM_BOOTSTRAP_TOKEN", ""));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String token;
            try (Vellum v = Vellum.serve(config, new PrintStream(out, true, StandardCharsets.UTF_8))) {
                String printed = out.toString(StandardCharsets.UTF_8);
                assertThat(printed).contains("http://localhost:" + v.port() + "/admin");
                Matcher m = Pattern.compile("\\n\\s+(vlm_\\S+)\\n").matcher(printed);
                assertThat(m.find()).as("the generated token is printed: " + printed).isTrue();
                token = m.group(1);
                assertThat(new Api("http://127.0.0.1:" + v.port(), token).get("/v1/projects").status()).isEqualTo(200);
            }
            out.reset();
            try (Vellum again = Vellum.serve(config, new PrintStream(out, true, StandardCharsets.UTF_8))) {
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("/admin").doesNotContain(token);
            }
        }
    }

    @Test
    void logsAreJsonWhenNotOnATerminalUnlessConfigured() {
        assertThat(VellumConfig.resolve(Map.of(), Map.of()).logFormat()).as("tests run without a terminal").isEqualTo("json");
        assertThat(VellumConfig.resolve(Map.of("VELLUM_LOG_FORMAT", "text"), Map.of()).logFormat()).isEqualTo("text");
    }
}
