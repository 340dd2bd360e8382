package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.ids.Ulid;
import dev.vellum.importers.ImportContext;
import dev.vellum.importers.ImportFailed;
import dev.vellum.importers.ImportLog;
import dev.vellum.importers.Importers;
import dev.vellum.importers.wordpress.WxrFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Import content: a WordPress export or live site, a Markdown folder, CSV or JSON (docs/import.md).",
        subcommands = {ImportCommand.WordPress.class, ImportCommand.Markdown.class, ImportCommand.Csv.class, ImportCommand.Json.class})
final class ImportCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Options every importer takes. */
    static final class Common {
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--option", description = "An import option as key=value (repeatable; values that are JSON are read as JSON), "
                + "e.g. --option rewrite_links=true.") Map<String, String> options = new LinkedHashMap<>();
        @Option(names = "--options-json", description = "All import options as one JSON object.") String optionsJson;

        ObjectNode options(CommandSpec spec) {
            ObjectNode o;
            try {
                o = optionsJson == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(optionsJson);
            } catch (IOException | ClassCastException e) {
                throw new ParameterException(spec.commandLine(), "--options-json must be a JSON object");
            }
            options.forEach((k, v) -> {
                try {
                    o.set(k, JSON.readTree(v));
                } catch (IOException e) {
                    o.put(k, v);
                }
            });
            return o;
        }
    }

    /** Runs an import on the local data (or a server) and prints progress and the summary. */
    abstract static class Run implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Common common;

        abstract String kind();

        /** The import on the local facades. */
        abstract ObjectNode local(Importers importers, String jobId, ObjectNode options, ImportContext ctx) throws IOException;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ObjectNode options = common.options(spec);
            ImportProgress progress = new ImportProgress(out, ImportProgress.isTerminal());
            try (Target t = Target.open(spec)) {
                switch (t) {
                    case Target.Local l -> {
                        Importers importers = l.vellum().services().importers();
                        String jobId = "cli-" + Ulid.next();
                        JsonNode result;
                        try {
                            result = local(importers, jobId, options, progress);
                        } catch (ImportFailed e) {
                            progress.summary(importers.counts(jobId));
                            spec.commandLine().getErr().println("import failed (" + e.code() + "): " + e.getMessage());
                            return 1;
                        } catch (IOException e) {
                            spec.commandLine().getErr().println("cannot read the source: " + e.getMessage());
                            return 1;
                        }
                        progress.summary(result.get("counts"));
                        List<String> failed = new ArrayList<>();
                        importers.log(jobId, 0, 20, ImportLog.Action.FAILED).forEach(r -> failed.add(r.sourceId() + ": " + r.error()));
                        progress.failures(failed);
                        return result.get("counts").path("failed").asLong() > 0 ? 2 : 0;
                    }
                    case Target.Remote r -> {
                        remoteOptions(options);
                        return RemoteImport.run(r.client(), common.project, kind(), remoteSource(), options, progress, spec);
                    }
                }
            }
        }

        /** The {@code source} of the API request (remote mode): {"url": …}, or {"file": path}, which is uploaded as an asset first. */
        abstract JsonNode remoteSource();

        /** Options that come from this command's own flags (remote mode; local mode's {@link #local} adds them itself). */
        void remoteOptions(ObjectNode options) {}
    }

    @Command(name = "wordpress", description = "A WordPress export file (WXR) or a live site's URL (REST API).")
    static final class WordPress extends Run {
        @Parameters(index = "0", description = "Export file, or the site's URL (https://example.com).") String source;
        @Option(names = "--user", description = "WordPress user (live site; with --app-password: drafts, private, scheduled).") String user;
        @Option(names = "--app-password", description = "An application password of that user.") String appPassword;

        @Override String kind() { return "wordpress"; }

        @Override
        ObjectNode local(Importers importers, String jobId, ObjectNode options, ImportContext ctx) {
            if (source.startsWith("http://") || source.startsWith("https://")) {
                return importers.wordpressSite(common.project, jobId, live(), options, ctx);
            }
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) throw new ParameterException(spec.commandLine(), "no such file: " + source);
            return importers.wordpress(common.project, jobId, new WxrFile(() -> Files.newInputStream(file), file.toAbsolutePath().toString()),
                    options, ctx);
        }

        private ObjectNode live() {
            ObjectNode s = JSON.createObjectNode().put("url", source);
            if (user != null) s.put("user", user);
            if (appPassword != null) s.put("app_password", appPassword);
            return s;
        }

        @Override
        JsonNode remoteSource() {
            return source.startsWith("http://") || source.startsWith("https://") ? live() : JSON.createObjectNode().put("file", source);
        }
    }

    @Command(name = "markdown", description = "A folder of Markdown files with front matter (Hugo, Jekyll, Astro or plain).")
    static final class Markdown extends Run {
        @Parameters(index = "0", description = "The site's folder.") Path folder;

        @Override String kind() { return "markdown"; }

        @Override
        ObjectNode local(Importers importers, String jobId, ObjectNode options, ImportContext ctx) {
            return importers.markdown(common.project, jobId, folder, options, ctx);
        }

        @Override
        JsonNode remoteSource() {
            return JSON.createObjectNode().put("file", folder.toString());
        }
    }

    /** CSV and JSON: rows into one collection. */
    abstract static class Rows extends Run {
        @Parameters(index = "0", description = "The file.") Path file;
        @Option(names = "--collection", required = true, description = "The collection the rows go to.") String collection;
        @Option(names = "--map", description = "Column → field, e.g. --map Title=title (repeatable).") Map<String, String> mapping = new LinkedHashMap<>();
        @Option(names = "--key", description = "The column that identifies a row across runs (default: id, else the row number).") String key;

        @Override
        ObjectNode local(Importers importers, String jobId, ObjectNode options, ImportContext ctx) throws IOException {
            fill(options);
            try (InputStream in = Files.newInputStream(file)) {
                return importers.rows(common.project, jobId, kind(), file.toAbsolutePath().toString(), in, options, ctx);
            }
        }

        void fill(ObjectNode options) {
            options.put("collection", collection);
            if (key != null) options.put("key", key);
            if (!mapping.isEmpty()) {
                ObjectNode m = options.putObject("mapping");
                mapping.forEach(m::put);
            }
        }

        @Override
        JsonNode remoteSource() {
            return JSON.createObjectNode().put("file", file.toString());
        }

        @Override
        void remoteOptions(ObjectNode options) {
            fill(options);
        }
    }

    @Command(name = "csv", description = "A CSV file (first line: column names) into a collection.")
    static final class Csv extends Rows {
        @Override String kind() { return "csv"; }
    }

    @Command(name = "json", description = "A JSON array of objects, or NDJSON, into a collection.")
    static final class Json extends Rows {
        @Override String kind() { return "json"; }
    }
}
