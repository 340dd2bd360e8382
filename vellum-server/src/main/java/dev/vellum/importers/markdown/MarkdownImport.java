package dev.vellum.importers.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.importers.Fingerprint;
import dev.vellum.importers.ImportCancelled;
import dev.vellum.importers.ImportContext;
import dev.vellum.importers.ImportFailed;
import dev.vellum.importers.ImportTarget;
import dev.vellum.importers.ImportWriter;
import dev.vellum.importers.ImportWriter.Candidate;
import dev.vellum.importers.ImportWriter.Pending;
import dev.vellum.importers.ImportWriter.Write;
import dev.vellum.importers.MediaStore;
import dev.vellum.schema.CollectionService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of Markdown files with front matter, as Hugo ({@code content/}, {@code static/}), Jekyll
 * ({@code _posts/}, {@code _drafts/}) or Astro ({@code src/content/}, {@code public/}) keep them, into
 * one collection. Images the Markdown refers to by a relative or site-absolute path are uploaded as
 * assets and their references rewritten; a missing image is reported and its reference kept.
 */
public final class MarkdownImport {
    private static final int CHUNK = 200;
    private static final Pattern JEKYLL_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.+)$");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]+)>?(\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HTML_IMAGE = Pattern.compile("(<img\\b[^>]*\\bsrc\\s*=\\s*[\"'])([^\"']+)([\"'])", Pattern.CASE_INSENSITIVE);

    private static final String DEFINITION = """
            {"id": "posts", "name": "Posts", "slug_from": "title", "fields": [
              {"id": "title", "type": "text"},
              {"id": "body", "type": "rich_text"},
              {"id": "description", "type": "text"},
              {"id": "date", "type": "date"},
              {"id": "tags", "type": "array", "of": {"type": "text"}},
              {"id": "categories", "type": "array", "of": {"type": "text"}},
              {"id": "image", "type": "image"},
              {"id": "source_path", "type": "text"}]}""";

    /** A layout: where content lives and where site-absolute paths ({@code /images/x.png}) point. */
    record Layout(String name, List<Path> contentRoots, Path staticRoot) {}

    private final CollectionService collections;
    private final String projectId;
    private final Path root;
    private final JsonNode options;
    private final ImportWriter writer;
    private final MediaStore store;
    private final Map<String, String> uploaded = new HashMap<>();
    private final Map<String, String> missingMedia = new LinkedHashMap<>();

    public MarkdownImport(CollectionService collections, String projectId, Path root, JsonNode options, ImportWriter writer, MediaStore store) {
        this.collections = collections;
        this.projectId = projectId;
        this.root = root.toAbsolutePath().normalize();
        this.options = options == null ? JsonNodeFactory.instance.objectNode() : options;
        this.writer = writer;
        this.store = store;
    }

    static Layout layout(Path root, String requested) {
        String name = requested;
        if (name == null || name.equals("auto")) {
            if (Files.isDirectory(root.resolve("content"))) name = "hugo";
            else if (Files.isDirectory(root.resolve("_posts"))) name = "jekyll";
            else if (Files.isDirectory(root.resolve("src/content"))) name = "astro";
            else name = "plain";
        }
        return switch (name) {
            case "hugo" -> new Layout(name, List.of(root.resolve("content")), root.resolve("static"));
            case "jekyll" -> new Layout(name, List.of(root.resolve("_posts"), root.resolve("_drafts")), root);
            case "astro" -> new Layout(name, List.of(root.resolve("src/content")), root.resolve("public"));
            case "plain" -> new Layout(name, List.of(root), root);
            default -> throw new ImportFailed("invalid_import", "options.layout is hugo, jekyll, astro, plain or auto");
        };
    }

    public ObjectNode run(ImportContext ctx) {
        if (!Files.isDirectory(root)) throw new ImportFailed("source_unreadable", "the Markdown source is not a folder");
        Layout layout = layout(root, options.path("layout").asText("auto"));
        ObjectNode definition;
        try {
            definition = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(DEFINITION);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        definition.put("id", options.path("collection").asText("posts"));
        ImportTarget target = ImportTarget.ensure(collections, projectId, "markdown", null, definition);
        List<Path> files = files(layout);
        List<Path> chunk = new ArrayList<>();
        long done = 0;
        for (Path f : files) {
            chunk.add(f);
            if (chunk.size() >= CHUNK) {
                write(chunk, layout, target);
                done += chunk.size();
                chunk.clear();
                ctx.progress("files", done, files.size());
                if (ctx.cancelled()) throw new ImportCancelled();
            }
        }
        write(chunk, layout, target);
        ctx.progress("files", files.size(), files.size());
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("layout", layout.name());
        result.put("collection", target.collectionId());
        result.put("files", files.size());
        ObjectNode media = result.putObject("media");
        media.put("uploaded", uploaded.size());
        ArrayNode failures = media.putArray("failures");
        missingMedia.forEach((path, why) -> failures.addObject().put("path", path).put("error", why));
        return result;
    }

    private List<Path> files(Layout layout) {
        List<Path> out = new ArrayList<>();
        for (Path r : layout.contentRoots()) {
            if (!Files.isDirectory(r)) continue;
            try (Stream<Path> walk = Files.walk(r)) {
                walk.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return (n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".mdx")) && !n.equals("_index.md")
                            && !n.equals("readme.md");
                }).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new ImportFailed("source_unreadable", "cannot list " + root.relativize(r) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private void write(List<Path> files, Layout layout, ImportTarget target) {
        if (files.isEmpty()) return;
        List<Candidate<Path>> candidates = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            try {
                candidates.add(new Candidate<>("file:" + rel, Files.getLastModifiedTime(f).toInstant().toString(),
                        Fingerprint.of("md1", Files.readString(f, StandardCharsets.UTF_8), options.toString()), f));
            } catch (IOException e) {
                failed.put("file:" + rel, "cannot read: " + e.getMessage());
            }
        }
        List<Write> writes = new ArrayList<>();
        for (Pending<Path> p : writer.classify(target.collectionId(), candidates, new HashMap<>())) {
            Path f = p.candidate().item();
            try {
                FrontMatter fm = FrontMatter.parse(Files.readString(f, StandardCharsets.UTF_8));
                List<String> missing = new ArrayList<>();
                ObjectNode entry = entry(f, fm, layout, target, missing);
                String fingerprint = missing.isEmpty() ? p.candidate().fingerprint() : p.candidate().fingerprint() + "!media";
                String warning = missing.isEmpty() ? null : "images kept as they were (not found or not stored): " + String.join(" ", missing);
                writes.add(new Write(p.candidate().sourceId(), p.candidate().sourceModified(), fingerprint, p.existingId(), entry, warning));
            } catch (FrontMatter.Malformed | IOException e) {
                failed.put(p.candidate().sourceId(), e.getMessage());
            }
        }
        writer.note(target.collectionId(), List.of(), Map.of(), failed);
        writer.write(target.collectionId(), writes);
    }

    private ObjectNode entry(Path file, FrontMatter fm, Layout layout, ImportTarget target, List<String> missing) {
        ObjectNode data = fm.data();
        String name = file.getFileName().toString().replaceFirst("\\.(md|markdown|mdx)$", "");
        if (name.equals("index")) name = file.getParent().getFileName().toString(); // a Hugo page bundle
        String date = text(data, "date", "pubDate", "publishDate");
        Matcher jekyll = JEKYLL_DATE.matcher(name);
        if (jekyll.matches()) {
            if (date == null) date = jekyll.group(1);
            name = jekyll.group(2);
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String body = rewriteImages(fm.body(), file, layout, missing);
        if (file.toString().endsWith(".mdx")) body = body.replaceAll("(?m)^(import|export) .*$", ""); // MDX module lines are not content
        fields.put("title", text(data, "title") != null ? text(data, "title") : name);
        fields.putObject("body").put("markdown", body);
        String description = text(data, "description", "summary", "excerpt");
        if (description != null) fields.put("description", description);
        if (date != null) {
            String iso = normaliseDate(date);
            if (iso != null) fields.put("date", iso);
            else missing.add("date '" + date + "' (not a date)");
        }
        for (String list : List.of("tags", "categories")) {
            JsonNode v = data.get(list);
            if (v != null && v.isArray()) fields.set(list, v);
            else if (v != null && v.isTextual()) fields.putArray(list).add(v.textValue());
        }
        String image = text(data, "image", "cover", "heroImage", "featured_image");
        if (image != null) fields.put("image", rewriteOne(image, file, layout, missing));
        fields.put("source_path", root.relativize(file).toString().replace('\\', '/'));
        data.fields().forEachRemaining(e -> {
            if (!fields.has(e.getKey()) && e.getValue().isValueNode()) fields.set(e.getKey(), e.getValue());
        });
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        String slug = text(data, "slug");
        String s = dev.vellum.content.Slugs.fromText(slug != null ? slug : name);
        if (!s.isEmpty()) entry.put("slug", s);
        boolean draft = data.path("draft").asBoolean(false) || (data.has("published") && !data.path("published").asBoolean(true))
                || root.relativize(file).startsWith("_drafts");
        entry.put("draft", draft);
        entry.set("fields", target.fields(fields));
        return entry;
    }

    private static final List<java.time.format.DateTimeFormatter> DATES = List.of(
            java.time.format.DateTimeFormatter.ofPattern("MMM dd yyyy", Locale.ENGLISH),
            java.time.format.DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH),
            java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);

    /** Front-matter dates as sites write them ("2024-01-02 10:00:00 +0100", "Jul 08 2022") → ISO 8601, or null. */
    static String normaliseDate(String d) {
        String s = d.trim().replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)", "$1T$2");
        s = s.replaceFirst(" ?([+-]\\d{2}):?(\\d{2})$", "$1:$2").replaceFirst(" ?(UTC|Z)$", "Z");
        try {
            return java.time.OffsetDateTime.parse(s).toInstant().toString();
        } catch (java.time.format.DateTimeParseException e) {
            // not a date-time with an offset
        }
        try {
            return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC).toString();
        } catch (java.time.format.DateTimeParseException e) {
            // not a local date-time
        }
        for (var f : DATES) {
            try {
                return java.time.LocalDate.parse(s, f).toString();
            } catch (java.time.format.DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private String rewriteImages(String body, Path file, Layout layout, List<String> missing) {
        Matcher m = MD_IMAGE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = rewriteOne(m.group(2), file, layout, missing);
            m.appendReplacement(out, Matcher.quoteReplacement("![" + m.group(1) + "](" + url + (m.group(3) == null ? "" : m.group(3)) + ")"));
        }
        m.appendTail(out);
        Matcher h = HTML_IMAGE.matcher(out.toString());
        StringBuilder out2 = new StringBuilder();
        while (h.find()) h.appendReplacement(out2, Matcher.quoteReplacement(h.group(1) + rewriteOne(h.group(2), file, layout, missing) + h.group(3)));
        h.appendTail(out2);
        return out2.toString();
    }

    /** A local image path → its asset URL; remote URLs and what cannot be found stay as they are. */
    private String rewriteOne(String ref, Path file, Layout layout, List<String> missing) {
        if (ref.contains("://") || ref.startsWith("//") || ref.startsWith("data:") || ref.startsWith("#")) return ref;
        String clean = java.net.URLDecoder.decode(ref.split("[?#]")[0], StandardCharsets.UTF_8);
        Path resolved = (clean.startsWith("/") ? layout.staticRoot().resolve(clean.substring(1)) : file.getParent().resolve(clean)).normalize();
        String rel = resolved.startsWith(root) ? root.relativize(resolved).toString().replace('\\', '/') : null;
        if (rel == null || !Files.isRegularFile(resolved)) {
            missingMedia.putIfAbsent(ref, rel == null ? "outside the imported folder" : "no such file");
            missing.add(ref);
            return ref;
        }
        String known = uploaded.get(rel);
        if (known != null) return known;
        if (store == null || !options.path("media").asBoolean(true)) return ref;
        try {
            String url = store.upload(projectId, resolved, null).url();
            uploaded.put(rel, url);
            return url;
        } catch (MediaStore.MediaFailure e) {
            missingMedia.putIfAbsent(ref, e.getMessage());
            missing.add(ref);
            return ref;
        }
    }

    private static String text(JsonNode data, String... keys) {
        for (String k : keys) {
            JsonNode v = data.get(k);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) return v.asText();
        }
        return null;
    }
}
