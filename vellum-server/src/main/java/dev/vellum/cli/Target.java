package dev.vellum.cli;

import dev.vellum.app.Vellum;
import dev.vellum.client.VellumClient;
import dev.vellum.config.Settings;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a CLI command acts: on the local data directory or database, through the same facades as
 * HTTP; or on a remote server, through the Java client (with --url and --token, or VELLUM_URL/VELLUM_TOKEN).
 */
sealed interface Target extends AutoCloseable {

    record Local(Vellum vellum) implements Target {
        @Override public void close() { vellum.close(); }
    }

    record Remote(VellumClient client) implements Target {
        @Override public void close() { client.close(); }
    }

    @Override
    void close();

    static Target open(CommandSpec spec) {
        String url = ConfigOptions.value(spec, Settings.URL);
        if (url == null || url.isBlank()) return new Local(Vellum.open(ConfigOptions.resolve(spec)));
        String token = ConfigOptions.value(spec, Settings.TOKEN);
        if (token == null || token.isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--url needs --token (or VELLUM_TOKEN)");
        }
        return new Remote(VellumClient.builder().baseUrl(url).token(token).build());
    }
}
