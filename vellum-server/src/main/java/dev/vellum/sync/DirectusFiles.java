package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.assets.Asset;
import dev.vellum.assets.AssetService;
import dev.vellum.assets.AssetUpload;
import dev.vellum.error.VellumException;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Images and files between the two sides. A Directus file that holds a Vellum asset (because sync
 * re-hosted it or uploaded it) is that asset, {@code {"asset": id}}, in both directions; the pairs are
 * remembered per project and Directus ({@code sync_files}), so each file crosses once. Other Directus
 * files are pulled as their asset URL ({@code assets: "url"}) or downloaded into Vellum's asset store
 * ({@code assets: "rehost"}, through the outbound policy and {@link AssetService}). Pushed, an asset is
 * uploaded to Directus as a file (once); a URL that is one of this Directus' assets goes back as the same
 * file id; any other URL is downloaded (outbound policy) and uploaded, once per run.
 */
final class DirectusFiles implements ValueConverter.Files {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final long MAX_BYTES = 100L * 1024 * 1024;
    private static final int CHECK_ALL = 5_000;

    private final Database db;
    private final DirectusClient client;
    private final OutboundPolicy policy;
    private final AssetService assets;
    private final String projectId;
    private final boolean rehost;
    private final SyncFileRepository files = new SyncFileRepository();
    private final Map<String, String> uploaded = new HashMap<>();
    /** The remembered pairs whose asset is still in the project: loaded once per run, in one query. */
    private Map<String, String> assetOfFile;
    private Map<String, String> fileOfAsset;
    /** The remembered files checked against Directus this run. */
    private final Set<String> checked = new HashSet<>();

    /** @param assets null where no asset store is wired (then files stay Directus URLs) */
    DirectusFiles(Database db, DirectusClient client, OutboundPolicy policy, AssetService assets, String projectId, boolean rehost) {
        this.db = db;
        this.client = client;
        this.policy = policy;
        this.assets = assets;
        this.projectId = projectId;
        this.rehost = rehost && assets != null;
    }

    @Override
    public JsonNode toVellum(String fileId, boolean image) throws ValueConverter.Unconvertible {
        String asset = assets == null ? null : pairs().get(fileId);
        if (asset != null) return SyncJson.JSON.createObjectNode().put("asset", asset);
        if (!rehost) return SyncJson.JSON.createObjectNode().put("url", client.base() + "/assets/" + fileId);
        return SyncJson.JSON.createObjectNode().put("asset", rehost(fileId));
    }

    /**
     * Images of assets inside rich text: pushed, re-hosted files go as Directus files (their Directus URL, a
     * variant's size and fit as Directus' transformation parameters); otherwise as the asset's own URL.
     */
    @Override
    public JsonNode richTextOut(JsonNode doc) throws ValueConverter.Unconvertible {
        List<com.fasterxml.jackson.databind.node.ObjectNode> images = new ArrayList<>();
        JsonNode copy = doc.deepCopy();
        assetImages(copy, images);
        for (com.fasterxml.jackson.databind.node.ObjectNode attrs : images) {
            String asset = attrs.get("asset").asText();
            String variant = attrs.path("variant").asText("");
            String src;
            if (rehost) {
                src = client.base() + "/assets/" + toDirectus(SyncJson.JSON.createObjectNode().put("asset", asset)) + directusQuery(variant);
            } else {
                src = assets == null ? null : assets.get(projectId, asset).map(a -> assets.url(a) + (variant.isEmpty() ? "" : "?" + variant)).orElse(null);
            }
            if (src == null) continue; // an asset deleted with force: rendered as a missing image, as on reads
            attrs.remove("asset");
            attrs.remove("variant");
            attrs.put("src", src);
        }
        return copy;
    }

    /** Pulled rich text: a URL of one of this Directus' files that is (or, re-hosting, becomes) an asset is written as the asset's URL. */
    @Override
    public String richTextIn(String text) throws ValueConverter.Unconvertible {
        if (assets == null || text == null || !text.contains(client.base() + "/assets/")) return text;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(client.base() + "/assets/")
                + "([0-9a-fA-F-]{36})(?:/[^\\s\"'()<>?]*)?(?:\\?[^\\s\"'()<>]*)?").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fileId = m.group(1);
            String asset = pairs().get(fileId);
            if (asset == null && rehost) asset = toVellum(fileId, true).path("asset").asText(null);
            String url = asset == null ? null : assets.get(projectId, asset).map(assets::url).orElse(null);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(url == null ? m.group() : url));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void assetImages(JsonNode node, List<com.fasterxml.jackson.databind.node.ObjectNode> out) {
        if (node.isObject()) {
            if ("image".equals(node.path("type").asText()) && node.path("attrs").path("asset").isTextual()) {
                out.add((com.fasterxml.jackson.databind.node.ObjectNode) node.get("attrs"));
            }
            node.forEach(child -> assetImages(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> assetImages(child, out));
        }
    }

    /** A variant ({@code w=300&fit=cover}) as Directus' transformation parameters. */
    private static String directusQuery(String variant) {
        if (variant.isEmpty()) return "";
        List<String> params = new ArrayList<>();
        for (String pair : variant.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            String name = switch (pair.substring(0, eq)) {
                case "w" -> "width";
                case "h" -> "height";
                case "q" -> "quality";
                case "fit", "format" -> pair.substring(0, eq);
                default -> null;
            };
            if (name != null) params.add(name + "=" + pair.substring(eq + 1));
        }
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    /** Directus file → asset, for the pairs remembered for this Directus whose asset the project still has. */
    private Map<String, String> pairs() {
        if (assetOfFile != null) return assetOfFile;
        assetOfFile = new HashMap<>();
        fileOfAsset = new HashMap<>();
        List<String[]> rows = db.read(tx -> files.all(tx, projectId, client.base()));
        Set<String> present = rows.isEmpty() ? Set.of()
                : db.read(tx -> assets.existing(tx, projectId, rows.stream().map(r -> r[1]).collect(Collectors.toSet())));
        for (String[] r : rows) {
            if (!present.contains(r[1])) continue;
            assetOfFile.put(r[0], r[1]);
            fileOfAsset.putIfAbsent(r[1], r[0]);
        }
        return assetOfFile;
    }

    private String rehost(String fileId) throws ValueConverter.Unconvertible {
        try {
            JsonNode meta = client.fileMetadata(fileId); // the alt text and title travel with the bytes
            Asset a = client.download(fileId, (in, name, type) -> assets.upload(projectId, in,
                    new AssetUpload(name, type, text(meta, "description"), text(meta, "title"))).asset());
            remember(fileId, a.id());
            return a.id();
        } catch (VellumException e) { // too large, a type the asset store refuses: the item is reported
            throw new ValueConverter.Unconvertible("Directus file " + fileId + " was not re-hosted: " + e.code() + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new DirectusException(0, null, "Directus file " + fileId + " could not be read: " + e.getCause());
        }
    }

    @Override
    public String toDirectus(JsonNode value) throws ValueConverter.Unconvertible {
        try {
            return fileFor(value);
        } catch (DirectusException e) {
            if (e.transientFailure()) throw e; // Directus away: the run fails and the next one does it
            throw new ValueConverter.Unconvertible("file not sent to Directus: " + (e.code() != null ? e.code() + ": " : "") + e.getMessage());
        }
    }

    private String fileFor(JsonNode value) throws ValueConverter.Unconvertible {
        if (value.hasNonNull("asset")) {
            String asset = value.get("asset").asText();
            if (assets != null) {
                pairs();
                checkFile(asset);
            }
            String known = fileOfAsset == null ? null : fileOfAsset.get(asset);
            return known != null ? known : uploadAsset(asset);
        }
        String url = value.isTextual() ? value.asText() : value.path("url").asText();
        String prefix = client.base() + "/assets/";
        if (url.startsWith(prefix)) {
            String id = url.substring(prefix.length());
            int end = id.indexOf('?');
            id = end < 0 ? id : id.substring(0, end);
            end = id.indexOf('/'); // /assets/<id>/<filename>
            return end < 0 ? id : id.substring(0, end);
        }
        if (url.isBlank()) throw new ValueConverter.Unconvertible("a file value without an asset or a URL");
        return uploaded.computeIfAbsent(url, this::uploadUrl);
    }

    /**
     * Drops the remembered file of {@code asset} if Directus no longer has it (deleted there: uploaded again).
     * Checked once per run: all remembered files at once, 100 a request, where there are at most
     * {@value #CHECK_ALL} of them; otherwise each file when first pushed in the run.
     */
    private void checkFile(String asset) {
        String file = fileOfAsset.get(asset);
        if (file == null || checked.contains(file)) return;
        List<String> ids = fileOfAsset.size() <= CHECK_ALL ? List.copyOf(fileOfAsset.values()) : List.of(file);
        Set<String> gone = new HashSet<>(ids);
        for (int i = 0; i < ids.size(); i += 100) gone.removeAll(client.existingFiles(ids.subList(i, Math.min(ids.size(), i + 100))));
        checked.addAll(ids);
        if (gone.isEmpty()) return;
        fileOfAsset.values().removeAll(gone);
        assetOfFile.keySet().removeAll(gone);
        db.write(tx -> {
            for (String f : gone) files.forgetFile(tx, projectId, client.base(), f);
            return null;
        });
    }

    private String uploadAsset(String assetId) {
        if (assets == null) throw new DirectusException(-1, "ASSETS_UNAVAILABLE", "asset " + assetId + " cannot be read here");
        Asset a = assets.get(projectId, assetId)
                .orElseThrow(() -> new DirectusException(-1, "ASSET_NOT_FOUND", "asset " + assetId + " is not in the project"));
        String file = client.upload(() -> assets.open(a, 0, -1), a.size(), a.filename(), a.contentType(), a.title(), a.alt());
        remember(file, a.id());
        return file;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private void remember(String fileId, String assetId) {
        checked.add(fileId);
        pairs().put(fileId, assetId);
        fileOfAsset.putIfAbsent(assetId, fileId);
        String now = Timestamps.now();
        db.write(tx -> {
            files.remember(tx, projectId, client.base(), fileId, assetId, now);
            return null;
        });
    }

    private String uploadUrl(String url) {
        URI uri = URI.create(url);
        try {
            policy.check(uri);
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new DirectusException(-1, "FILE_FETCH_FAILED", url + " answered " + r.statusCode());
            if (r.body().length > MAX_BYTES) throw new DirectusException(-1, "FILE_TOO_LARGE", url + " is larger than 100 MB");
            String type = r.headers().firstValue("Content-Type").orElse("application/octet-stream");
            String path = uri.getPath();
            String name = path == null || path.endsWith("/") ? "file" : path.substring(path.lastIndexOf('/') + 1);
            return client.upload(r.body(), name.isEmpty() ? "file" : name, type);
        } catch (OutboundPolicy.Refused e) {
            throw new DirectusException(-1, "OUTBOUND_REFUSED", e.getMessage());
        } catch (IOException e) {
            throw new DirectusException(-1, "FILE_FETCH_FAILED", url + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectusException(0, null, "interrupted");
        }
    }
}
