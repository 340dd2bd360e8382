package dev.vellum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CLI works on the local data directory through the same facades as HTTP. */
class CliTest {

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        var cli = VellumCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void projectsAndTokensCreatedLocallyWorkAgainstTheServer() {
        try (Backend.Sqlite backend = (Backend.Sqlite) Backend.sqlite()) {
            String dir = "--data-dir=" + backend.dir();
            Run created = run("projects", "create", "blog", "--name", "My blog", dir);
            assertThat(created.code()).as(created.err()).isZero();
            assertThat(created.out()).contains("created project blog");
            assertThat(run("projects", "list", dir).out()).contains("blog\tMy blog");

            Run token = run("tokens", "create", "--project", "blog", "--name", "site", "--scope", "write", dir);
            assertThat(token.code()).as(token.err()).isZero();
            String secret = token.out().strip();
            assertThat(secret).startsWith("vlm_");
            assertThat(token.err()).contains("shown once");
            assertThat(run("tokens", "list", "--project", "blog", dir).out()).contains("site\twrite").doesNotContain(secret);

            try (TestServer server = new TestServer(backend)) {
                Api api = new Api(server.base(), secret);
                assertThat(api.get("/v1/projects/blog/collections").status()).isEqualTo(200);
                assertThat(api.post("/v1/projects/blog/collections", java.util.Map.of("id", "x")).status())
                        .as("a write token cannot change the schema").isEqualTo(403);
            }
        }
    }

    @Test
    void errorsAreReportedWithTheirCodeAndExitNonZero() {
        try (Backend.Sqlite backend = (Backend.Sqlite) Backend.sqlite()) {
            Run bad = run("projects", "create", "Not Valid", "--data-dir=" + backend.dir());
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).contains("invalid_project").contains("id:");
            Run scope = run("tokens", "create", "--project", "x", "--name", "n", "--scope", "root", "--data-dir=" + backend.dir());
            assertThat(scope.code()).isNotZero();
            assertThat(scope.err()).contains("--scope");
            Run missing = run("tokens", "create", "--project", "ghost", "--name", "n", "--data-dir=" + backend.dir());
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err()).contains("project_not_found");
        }
    }

    @Test
    void helpListsEverySettingFlag() {
        Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        dev.vellum.config.Settings.ALL.forEach(s -> assertThat(help.out()).contains(s.flag()).contains(s.env()));
    }
}
