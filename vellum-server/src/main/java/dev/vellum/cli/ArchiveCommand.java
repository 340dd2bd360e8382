package dev.vellum.cli;

import dev.vellum.config.Settings;
import dev.vellum.importers.archive.ProjectArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vellum export} and {@code vellum restore}: a whole project as one zip (docs/import.md). */
final class ArchiveCommand {
    private ArchiveCommand() {}

    @Command(name = "export", description = "Write a whole project (schemas, entries, webhooks without secrets) as one zip.")
    static final class Export implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = {"-o", "--output"}, description = "The zip to write (default: standard output).") Path output;

        @Override
        public Integer call() throws IOException {
            try (OutputStream out = output == null ? System.out : Files.newOutputStream(output)) {
                if (remote(spec)) {
                    HttpResponse<InputStream> r = send(spec, HttpRequest.newBuilder(uri(spec, project, "export")).GET());
                    if (r.statusCode() != 200) return fail(spec, r);
                    try (InputStream in = r.body()) {
                        in.transferTo(out);
                    }
                } else {
                    try (Target t = Target.open(spec)) {
                        ProjectArchive.Summary s = ((Target.Local) t).vellum().services().importers().archive().export(project, out);
                        spec.commandLine().getErr().println("exported " + s.collections() + " collections, " + s.entries() + " entries, "
                                + s.webhooks() + " webhooks, " + s.assets() + " assets");
                    }
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "restore", description = "Restore an export into a project that has no collections (ids, versions and timestamps kept).")
    static final class Restore implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id (it must exist and be empty).") String project;
        @Parameters(index = "0", description = "The zip.") Path archive;

        @Override
        public Integer call() throws IOException {
            if (remote(spec)) {
                HttpResponse<InputStream> r = send(spec, HttpRequest.newBuilder(uri(spec, project, "restore"))
                        .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofFile(archive)));
                if (r.statusCode() != 200) return fail(spec, r);
                try (InputStream in = r.body()) {
                    spec.commandLine().getOut().println(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return 0;
            }
            try (Target t = Target.open(spec); InputStream in = Files.newInputStream(archive)) {
                ProjectArchive.Summary s = ((Target.Local) t).vellum().services().importers().archive().restore(project, in);
                spec.commandLine().getOut().println("restored " + s.collections() + " collections, " + s.entries() + " entries, "
                        + s.webhooks() + " webhooks (disabled: set their secrets and enable them), " + s.assets() + " assets");
            }
            return 0;
        }
    }

    private static boolean remote(CommandSpec spec) {
        String url = ConfigOptions.value(spec, Settings.URL);
        return url != null && !url.isBlank();
    }

    private static URI uri(CommandSpec spec, String project, String action) {
        String base = ConfigOptions.value(spec, Settings.URL);
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/projects/"
                + java.net.URLEncoder.encode(project, java.nio.charset.StandardCharsets.UTF_8) + "/" + action);
    }

    private static HttpResponse<InputStream> send(CommandSpec spec, HttpRequest.Builder request) throws IOException {
        String token = ConfigOptions.value(spec, Settings.TOKEN);
        if (token == null || token.isBlank()) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--url needs --token (or VELLUM_TOKEN)");
        try {
            return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int fail(CommandSpec spec, HttpResponse<InputStream> r) throws IOException {
        try (InputStream in = r.body()) {
            spec.commandLine().getErr().println("the server answered " + r.statusCode() + ": " + new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return 1;
    }
}
