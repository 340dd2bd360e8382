package dev.vellum.importers.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.assets.Asset;
import dev.vellum.assets.AssetJson;
import dev.vellum.assets.AssetPage;
import dev.vellum.assets.AssetQuery;
import dev.vellum.assets.AssetService;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.VellumException;
import dev.vellum.projects.ProjectService;
import dev.vellum.query.ListParams;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.CollectionService;
import dev.vellum.schema.SchemaJson;
import dev.vellum.webhooks.Webhook;
import dev.vellum.webhooks.WebhookService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A whole project as one zip, written and read as a stream: {@code manifest.json}, then
 * {@code assets.ndjson} (each asset's metadata, newest first) followed by {@code assets/<id>} (its bytes, in
 * the same order), {@code collections/<id>.json} (definition, version, timestamps), {@code entries/<id>.ndjson}
 * (every entry as the API renders it in JSON, drafts included, in id order), {@code webhooks.json} (without
 * secrets). Members carry no timestamps and come in a fixed order, so the same project gives the same
 * bytes. Restoring into an empty project reproduces ids, slugs, versions, timestamps and asset bytes.
 */
public final class ProjectArchive {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;
    static final String FORMAT = "vellum-project";

    private final ProjectService projects;
    private final CollectionService collections;
    private final EntryService entries;
    private final WebhookService webhooks;
    private final AssetService assets;

    /** {@code assets}: null where there is no asset store (archives then hold no assets). */
    public ProjectArchive(ProjectService projects, CollectionService collections, EntryService entries, WebhookService webhooks,
                          AssetService assets) {
        this.assets = assets;
        this.projects = projects;
        this.collections = collections;
        this.entries = entries;
        this.webhooks = webhooks;
    }

    /** What an export or restore wrote or read. */
    public record Summary(int collections, long entries, int webhooks, long assets) {
        public ObjectNode json() {
            return JsonNodeFactory.instance.objectNode().put("collections", collections).put("entries", entries).put("webhooks", webhooks)
                    .put("assets", assets);
        }
    }

    public Summary export(String projectId, OutputStream out) throws IOException {
        var project = projects.get(projectId);
        List<CollectionSchema> all = collections.list(projectId);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        ObjectNode manifest = JsonNodeFactory.instance.objectNode().put("format", FORMAT).put("version", 1);
        manifest.putObject("project").put("id", project.id()).put("name", project.name());
        ArrayNode ids = manifest.putArray("collections");
        all.forEach(c -> ids.add(c.id()));
        if (assets != null) manifest.put("assets_public", assets.isPublic(projectId));
        put(zip, "manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        long assetCount = exportAssets(projectId, zip);
        for (CollectionSchema c : all) put(zip, "collections/" + c.id() + ".json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(SchemaJson.collection(c)));
        long count = 0;
        for (CollectionSchema c : all) {
            zip.putNextEntry(member("entries/" + c.id() + ".ndjson"));
            String cursor = null;
            do {
                ObjectNode page = entries.list(projectId, c.id(), new ListParams(String.valueOf(PAGE), cursor, "id", null, null, null), true, RichTextFormat.JSON);
                for (JsonNode e : page.get("data")) {
                    zip.write(JSON.writeValueAsBytes(e));
                    zip.write('\n');
                    count++;
                }
                cursor = page.path("next_cursor").isTextual() ? page.get("next_cursor").asText() : null;
            } while (cursor != null);
            zip.closeEntry();
        }
        ArrayNode hooks = JsonNodeFactory.instance.arrayNode();
        List<Webhook> list = webhooks.list(projectId);
        for (Webhook w : list) {
            ObjectNode h = hooks.addObject().put("url", w.url());
            ArrayNode events = h.putArray("events");
            w.events().patterns().forEach(events::add);
            if (w.collections() != null && !w.collections().isEmpty()) {
                ArrayNode cs = h.putArray("collections");
                w.collections().forEach(cs::add);
            }
            if (w.description() != null) h.put("description", w.description());
        }
        put(zip, "webhooks.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(hooks));
        zip.finish();
        zip.flush();
        return new Summary(all.size(), count, list.size(), assetCount);
    }

    /** {@code assets.ndjson}, then each asset's bytes as {@code assets/<id>}, newest first. */
    private long exportAssets(String projectId, ZipOutputStream zip) throws IOException {
        if (assets == null) return 0;
        List<Asset> all = new ArrayList<>();
        String cursor = null;
        do {
            AssetPage page = assets.list(projectId, new AssetQuery(null, null, AssetQuery.MAX_LIMIT, cursor));
            all.addAll(page.data());
            cursor = page.nextCursor();
        } while (cursor != null);
        if (all.isEmpty()) return 0;
        zip.putNextEntry(member("assets.ndjson"));
        for (Asset a : all) {
            zip.write(JSON.writeValueAsBytes(AssetJson.archived(a)));
            zip.write('\n');
        }
        zip.closeEntry();
        for (Asset a : all) {
            zip.putNextEntry(member("assets/" + a.id()));
            try (InputStream in = assets.open(a, 0, -1)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        return all.size();
    }

    /**
     * Restores an archive into {@code projectId}, which must exist and hold no collection. Webhooks are
     * created disabled with new secrets (the archive has none): an admin sets a secret and enables them.
     */
    public Summary restore(String projectId, InputStream in) throws IOException {
        projects.get(projectId);
        if (!collections.list(projectId).isEmpty()
                || assets != null && !assets.list(projectId, new AssetQuery(null, null, 1, null)).data().isEmpty()) {
            throw new VellumException.Conflict("project_not_empty", "A restore goes into a project without collections or assets; '"
                    + projectId + "' has some");
        }
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        ZipEntry e;
        boolean manifest = false;
        int restoredCollections = 0;
        int hooks = 0;
        long count = 0;
        long restoredAssets = 0;
        java.util.Map<String, JsonNode> assetMeta = new java.util.HashMap<>();
        while ((e = zip.getNextEntry()) != null) {
            String name = e.getName();
            if (name.equals("manifest.json")) {
                JsonNode m = JSON.readTree(zip.readAllBytes());
                if (!FORMAT.equals(m.path("format").asText()) || m.path("version").asInt() != 1) {
                    throw invalidArchive("not a Vellum project archive (format " + m.path("format").asText("?") + ")");
                }
                manifest = true;
                if (assets != null && m.path("assets_public").isBoolean()) assets.setPublic(projectId, m.get("assets_public").asBoolean());
            } else if (!manifest) {
                throw invalidArchive("the archive does not start with manifest.json");
            } else if (name.equals("assets.ndjson")) {
                BufferedReader r = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) continue;
                    JsonNode a = JSON.readTree(line);
                    assetMeta.put(a.path("id").asText(), a);
                }
            } else if (name.startsWith("assets/")) {
                JsonNode meta = assetMeta.get(name.substring("assets/".length()));
                if (meta == null) throw invalidArchive(name + " is not listed in assets.ndjson (which comes before the assets)");
                if (assets == null) throw invalidArchive("the archive holds assets and this server has no asset store");
                assets.restore(projectId, meta, zip);
                restoredAssets++;
            } else if (name.startsWith("collections/") && name.endsWith(".json")) {
                collections.restore(projectId, JSON.readTree(zip.readAllBytes()), null);
                restoredCollections++;
            } else if (name.startsWith("entries/") && name.endsWith(".ndjson")) {
                String collection = name.substring("entries/".length(), name.length() - ".ndjson".length());
                count += restoreEntries(projectId, collection, zip);
            } else if (name.equals("webhooks.json")) {
                for (JsonNode h : JSON.readTree(zip.readAllBytes())) {
                    var created = webhooks.create(projectId, h);
                    webhooks.update(projectId, created.webhook().id(), JsonNodeFactory.instance.objectNode().put("status", "disabled"));
                    hooks++;
                }
            }
        }
        if (!manifest) throw invalidArchive("not a Vellum project archive (no manifest.json)");
        if (restoredAssets != assetMeta.size()) throw invalidArchive("assets.ndjson lists " + assetMeta.size() + " assets; the archive holds "
                + restoredAssets);
        return new Summary(restoredCollections, count, hooks, restoredAssets);
    }

    private static VellumException invalidArchive(String message) {
        return new VellumException.Invalid("invalid_archive", "The archive cannot be restored",
                List.of(new dev.vellum.error.FieldError("body", "invalid_archive", message)));
    }

    private long restoreEntries(String projectId, String collection, InputStream member) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(member, StandardCharsets.UTF_8));
        List<JsonNode> batch = new ArrayList<>(PAGE);
        long n = 0;
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) continue;
            batch.add(JSON.readTree(line));
            if (batch.size() >= PAGE) {
                n += entries.restore(projectId, collection, batch, null);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) n += entries.restore(projectId, collection, batch, null);
        return n;
    }

    private static ZipEntry member(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // no wall-clock time in the archive: the same project gives the same bytes
        return e;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(member(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
