package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.assets.Asset;
import dev.vellum.assets.AssetJson;
import dev.vellum.assets.AssetPage;
import dev.vellum.assets.AssetQuery;
import dev.vellum.assets.AssetService;
import dev.vellum.assets.AssetUpload;
import dev.vellum.assets.StoredAsset;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "assets", description = "Upload, list and purge a project's assets (local data, or a server with --url).",
        subcommands = {AssetsCommand.Upload.class, AssetsCommand.ListAssets.class, AssetsCommand.Purge.class})
final class AssetsCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "upload", description = "Upload files (streamed; identical files are stored once) and print each asset as a JSON line.")
    static final class Upload implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--alt", description = "Alternative text for the uploaded images.") String alt;
        @Option(names = "--title", description = "Title for the uploaded files.") String title;
        @Parameters(arity = "1..*", description = "Files to upload.") List<Path> files;

        @Override
        public Integer call() throws IOException {
            for (Path f : files) if (!Files.isRegularFile(f)) throw new ParameterException(spec.commandLine(), "no such file: " + f);
            PrintWriter out = spec.commandLine().getOut();
            try (Target t = Target.open(spec)) {
                for (Path f : files) {
                    JsonNode line = switch (t) {
                        case Target.Local l -> {
                            AssetService assets = l.vellum().services().assets();
                            try (InputStream in = Files.newInputStream(f)) {
                                StoredAsset s = assets.upload(project, in, new AssetUpload(f.getFileName().toString(), null, alt, title));
                                yield json(assets, s.asset()).put("created", s.created());
                            }
                        }
                        case Target.Remote r -> {
                            var a = r.client().assets(project).upload(f, f.getFileName().toString(), alt, title);
                            yield json(a).put("created", a.created());
                        }
                    };
                    out.println(line);
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Print assets as JSON lines, newest first.")
    static final class ListAssets implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--type", description = "Content type or family, e.g. image/* or application/pdf.") String type;
        @Option(names = "--filename", description = "Case-insensitive part of the file name.") String filename;
        @Option(names = "--limit", description = "Most assets to print (default: all).") Integer limit;

        @Override
        public Integer call() {
            if (limit != null && limit < 1) throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            PrintWriter out = spec.commandLine().getOut();
            try (Target t = Target.open(spec)) {
                switch (t) {
                    case Target.Local l -> {
                        AssetService assets = l.vellum().services().assets();
                        long printed = 0;
                        String cursor = null;
                        do {
                            AssetPage page = assets.list(project, new AssetQuery(type, filename, AssetQuery.MAX_LIMIT, cursor));
                            for (Asset a : page.data()) {
                                if (limit != null && printed >= limit) break;
                                out.println(json(assets, a));
                                printed++;
                            }
                            cursor = page.nextCursor();
                        } while (cursor != null && (limit == null || printed < limit));
                    }
                    case Target.Remote r -> {
                        var all = r.client().assets(project).stream(type, filename);
                        (limit == null ? all : all.limit(limit)).forEach(a -> out.println(json(a)));
                    }
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "purge", description = "Delete assets older than N days that no entry uses; print each as a JSON line.")
    static final class Purge implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--older-than-days", required = true, description = "Only assets created more than this many days ago.") int days;
        @Option(names = "--dry-run", description = "Only list what would be deleted.") boolean dryRun;

        @Override
        public Integer call() {
            if (days < 0) throw new ParameterException(spec.commandLine(), "--older-than-days must be ≥ 0");
            PrintWriter out = spec.commandLine().getOut();
            try (Target t = Target.open(spec)) {
                switch (t) {
                    case Target.Local l -> {
                        AssetService assets = l.vellum().services().assets();
                        assets.purge(project, Duration.ofDays(days), dryRun).forEach(a -> out.println(json(assets, a)));
                    }
                    case Target.Remote r -> r.client().assets(project).purge(days, dryRun).forEach(a -> out.println(json(a)));
                }
                out.flush();
            }
            return 0;
        }
    }

    private static ObjectNode json(AssetService assets, Asset a) {
        return AssetJson.render(a, assets.url(a));
    }

    /** An asset from the client in the API's JSON form. */
    static ObjectNode json(dev.vellum.client.Asset a) {
        ObjectNode o = JSON.createObjectNode().put("id", a.id()).put("url", a.url()).put("filename", a.filename())
                .put("content_type", a.contentType()).put("size", a.size()).put("sha256", a.sha256());
        if (a.width() != null) o.put("width", a.width());
        if (a.height() != null) o.put("height", a.height());
        o.put("alt", a.alt()).put("title", a.title()).put("created_at", a.createdAt().toString()).put("updated_at", a.updatedAt().toString());
        return o;
    }
}
