package dev.vellum.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.importers.archive.ProjectArchive;
import dev.vellum.importers.markdown.MarkdownImport;
import dev.vellum.importers.records.RecordImport;
import dev.vellum.importers.records.RowSources;
import dev.vellum.importers.wordpress.WordPressImport;
import dev.vellum.importers.wordpress.WxrFile;
import dev.vellum.importers.wordpress.WordPressRest;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.importers.wordpress.WordPressSource;
import dev.vellum.schema.CollectionService;
import dev.vellum.storage.Database;
import java.util.List;
import java.util.Map;

/** The importers' facade: runs imports (inside a job or directly) and reads their per-item logs and counts. */
public final class Importers {
    private final Database db;
    private final CollectionService collections;
    private final EntryService entries;
    private final ImportMap map = new ImportMap();
    private final ImportLog log = new ImportLog();
    private final MediaStore media;
    private final OutboundPolicy policy;
    private final ProjectArchive archive;
    private final long maxArchiveBytes = 2L << 30; // an unpacked Markdown archive: at most 2 GiB on disk

    /** {@code media}: where re-hosted media go; null when there is no asset store (media URLs are then kept). */
    public Importers(Database db, CollectionService collections, EntryService entries, MediaStore media, OutboundPolicy policy,
                     ProjectArchive archive) {
        this.policy = policy;
        this.archive = archive;
        this.db = db;
        this.collections = collections;
        this.entries = entries;
        this.media = media;
    }

    /** Media of one import: {@code options.media_concurrency} (default 8) at once, {@code options.media_attempts} (default 3) tries each. */
    private MediaResolver resolver(ImportWriter writer, JsonNode options) {
        if (media == null) return MediaResolver.NONE;
        int concurrency = Math.min(32, Math.max(1, options == null ? 8 : options.path("media_concurrency").asInt(8)));
        int attempts = Math.min(5, Math.max(1, options == null ? 3 : options.path("media_attempts").asInt(3)));
        return new MediaRehoster(media, writer, concurrency, attempts, 200);
    }

    /** A folder of Markdown files (Hugo, Jekyll, Astro or plain) into {@code options.collection} (default posts). */
    public ObjectNode markdown(String projectId, String jobId, java.nio.file.Path folder, JsonNode options, ImportContext ctx) {
        String key = options != null && options.path("source_key").isTextual() ? options.get("source_key").asText()
                : "markdown:" + folder.toAbsolutePath().normalize();
        ObjectNode result = new MarkdownImport(collections, projectId, folder, options, writer(projectId, key, jobId), media).run(ctx);
        result.put("source", key);
        result.set("counts", counts(jobId));
        return result;
    }

    /** A WordPress import written under {@code jobId} (its item log); returns the job's result summary. */
    public ObjectNode wordpress(String projectId, String jobId, WordPressSource source, JsonNode options, ImportContext ctx) {
        WordPressImport run = new WordPressImport(collections, projectId, source, WordPressImport.Options.of(options),
                key -> writer(projectId, key, jobId), w -> resolver(w, options));
        ObjectNode result = run.run(ctx);
        result.set("counts", counts(jobId));
        return result;
    }

    /**
     * CSV ({@code kind} "csv"; {@code options.separator} one character, default ",") or JSON/NDJSON rows into
     * {@code options.collection}; {@code sourceName} (a file name or asset id) keys the import map.
     */
    public ObjectNode rows(String projectId, String jobId, String kind, String sourceName, java.io.InputStream in, JsonNode options,
                           ImportContext ctx) {
        RecordImport.Options o = RecordImport.Options.of(options);
        var schema = collections.get(projectId, o.collection());
        String key = options.path("source_key").asText(kind + ":" + sourceName);
        var rows = kind.equals("csv") ? RowSources.csv(in, options.path("separator").asText(",").charAt(0)) : RowSources.json(in);
        ObjectNode result = new RecordImport(o, schema, writer(projectId, key, jobId)).run(ctx, rows);
        result.put("source", key);
        result.set("counts", counts(jobId));
        return result;
    }

    /** A live WordPress site ({@code source}: url, user?, app_password?), through the outbound policy. */
    public ObjectNode wordpressSite(String projectId, String jobId, JsonNode source, JsonNode options, ImportContext ctx) {
        String url = source.path("url").asText("");
        String user = source.path("user").isTextual() ? source.get("user").asText() : null;
        String password = source.path("app_password").isTextual() ? source.get("app_password").asText() : null;
        if ((user == null) != (password == null)) throw new ImportFailed("invalid_source", "source.user and source.app_password go together");
        int timeout = options == null ? 30 : options.path("timeout_seconds").asInt(30);
        return wordpress(projectId, jobId, new WordPressRest(url, user, password, policy, java.time.Duration.ofSeconds(Math.max(1, timeout))),
                options, ctx);
    }

    /**
     * Runs a stored import request ({@link ImportRequest#params()}) as job {@code jobId}: every importer, from an
     * uploaded asset, a URL, or a local path. Run again with the same job id after a crash, it finishes the work.
     */
    public ObjectNode run(String projectId, String jobId, JsonNode params, JsonNode secrets, ImportContext ctx) {
        String kind = params.path("kind").asText();
        JsonNode source = params.path("source");
        JsonNode options = params.path("options");
        if (source.hasNonNull("url")) {
            ObjectNode live = ((ObjectNode) source).deepCopy();
            if (secrets != null && secrets.hasNonNull("app_password")) live.set("app_password", secrets.get("app_password"));
            return wordpressSite(projectId, jobId, live, options, ctx);
        }
        SourceFile file = sourceFile(projectId, source);
        return switch (kind) {
            case "wordpress" -> wordpress(projectId, jobId, new WxrFile(file::open, file.name()), options, ctx);
            case "csv", "json" -> {
                try (java.io.InputStream in = file.open()) {
                    yield rows(projectId, jobId, kind, file.name(), in, options, ctx);
                } catch (java.io.IOException e) {
                    throw new ImportFailed("source_unreadable", "cannot read " + file.name() + ": " + e.getMessage(), e);
                }
            }
            case "markdown" -> markdownSource(projectId, jobId, source, file, options, ctx);
            default -> throw new ImportFailed("invalid_import", "unknown import kind " + kind);
        };
    }

    private ObjectNode markdownSource(String projectId, String jobId, JsonNode source, SourceFile file, JsonNode options, ImportContext ctx) {
        if (source.hasNonNull("path")) return markdown(projectId, jobId, java.nio.file.Path.of(source.get("path").asText()), options, ctx);
        java.nio.file.Path dir = null;
        try {
            dir = ZipFolder.extract(file::open, maxArchiveBytes);
            ObjectNode o = options.deepCopy();
            if (!o.has("source_key")) o.put("source_key", "markdown:" + file.name());
            return markdown(projectId, jobId, dir, o, ctx);
        } catch (java.io.IOException e) {
            throw new ImportFailed("source_unreadable", "cannot unpack " + file.name() + " (a Markdown import reads a zip of the folder): "
                    + e.getMessage(), e);
        } finally {
            if (dir != null) ZipFolder.delete(dir);
        }
    }

    /** The file an import reads: an uploaded asset, or a local path (CLI). */
    private record SourceFile(String name, WxrFile.Opener opener) {
        java.io.InputStream open() throws java.io.IOException {
            return opener.open();
        }
    }

    private SourceFile sourceFile(String projectId, JsonNode source) {
        if (source.hasNonNull("path")) {
            java.nio.file.Path p = java.nio.file.Path.of(source.get("path").asText());
            return new SourceFile(p.toAbsolutePath().toString(), () -> java.nio.file.Files.newInputStream(p));
        }
        String asset = source.path("asset").asText();
        if (media == null) throw new ImportFailed("source_unreadable", "this server has no asset store to read asset " + asset + " from");
        return new SourceFile("asset:" + asset, () -> media.open(projectId, asset));
    }

    /** Checks what can be checked before a job is made: a live site's credentials; the asset's existence. */
    public void check(String projectId, ImportRequest request) {
        JsonNode source = request.source();
        try {
            if (source.hasNonNull("url") && request.secrets().hasNonNull("app_password")) {
                new WordPressRest(source.get("url").asText(), source.path("user").asText(), request.secrets().get("app_password").asText(), policy,
                        java.time.Duration.ofSeconds(15)).prepare();
            } else if (source.hasNonNull("url")) {
                new WordPressRest(source.get("url").asText(), null, null, policy, java.time.Duration.ofSeconds(15));
            } else if (source.hasNonNull("asset") && media != null) {
                media.open(projectId, source.get("asset").asText()).close();
            }
        } catch (ImportFailed e) {
            String field = e.code().equals("source_auth_failed") ? "source.app_password" : source.hasNonNull("url") ? "source.url" : "source";
            throw new dev.vellum.error.VellumException.Invalid(e.code(), e.getMessage(), java.util.List.of(new dev.vellum.error.FieldError(field,
                    e.code(), e.getMessage())));
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof dev.vellum.error.VellumException v) throw v;
            throw new dev.vellum.error.VellumException.Invalid("source_unreadable", "The import's source cannot be read",
                    java.util.List.of(new dev.vellum.error.FieldError("source.asset", "not_found", String.valueOf(e.getMessage()))));
        }
    }

    public ImportWriter writer(String projectId, String sourceKey, String jobId) {
        return new ImportWriter(db, entries, map, log, projectId, sourceKey, jobId);
    }

    public ObjectNode counts(String jobId) {
        Map<ImportLog.Action, Long> counts = db.read(tx -> log.counts(tx, jobId));
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        counts.forEach((a, n) -> out.put(a.wire(), n));
        return out;
    }

    public List<ImportLog.Row> log(String jobId, long afterSeq, int limit, ImportLog.Action only) {
        return db.read(tx -> log.page(tx, jobId, afterSeq, limit, only));
    }

    /** Export and restore of whole projects. */
    public ProjectArchive archive() {
        return archive;
    }

    public Database database() {
        return db;
    }

    public CollectionService collections() {
        return collections;
    }

    public EntryService entries() {
        return entries;
    }
}
