package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code /v1/projects/{p}/assets}: upload files (streamed from disk, never read into memory) or have the
 * server fetch a URL; list, read, change, delete, purge; download. Uploads are retried like idempotent
 * requests: the server stores identical bytes once, so sending a file twice yields the same asset.
 */
public final class AssetsApi {
    private static final int WALK_PAGE = 200;

    private final Transport transport;
    private final String path;

    AssetsApi(Transport transport, String project) {
        this.transport = transport;
        this.path = ApiRequest.path("projects", project, "assets");
    }

    /** Uploads a file under its own name. */
    public Asset upload(Path file) {
        return upload(file, file.getFileName().toString(), null, null);
    }

    /** Uploads a file; {@code alt} and {@code title} may be null. The server sniffs the type from the bytes. */
    public Asset upload(Path file, String filename, String alt, String title) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filename", filename);
        if (alt != null) query.put("alt", alt);
        if (title != null) query.put("title", title);
        Transport.Response r = transport.upload(new ApiRequest("POST", path, query, null, Map.of()), file, "application/octet-stream");
        return Asset.from(r.body(), r.status() == 201);
    }

    /** Has the server download {@code url} (through its outbound policy) and store it. */
    public Asset uploadFromUrl(String url, String alt, String title) {
        ObjectNode body = Json.object().put("url", url);
        if (alt != null) body.put("alt", alt);
        if (title != null) body.put("title", title);
        Transport.Response r = transport.send(ApiRequest.post(path, body));
        return Asset.from(r.body(), r.status() == 201);
    }

    public Asset get(String id) {
        return Asset.from(transport.call(ApiRequest.get(path + "/" + ApiRequest.encode(id))));
    }

    /** One page; {@code type} (e.g. {@code image/*}), {@code filename} (substring) and {@code cursor} may be null. */
    public AssetPage page(String type, String filename, int limit, String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", Integer.toString(limit));
        if (type != null) query.put("type", type);
        if (filename != null) query.put("filename", filename);
        if (cursor != null) query.put("cursor", cursor);
        return AssetPage.from(transport.call(ApiRequest.get(path).withQuery(query)));
    }

    /** Every asset (optionally filtered), page after page, newest first. */
    public Paged<Asset> iterate(String type, String filename) {
        return new Paged<>(() -> step(type, filename, null));
    }

    public Stream<Asset> stream(String type, String filename) {
        return iterate(type, filename).stream();
    }

    private Paged.Step<Asset> step(String type, String filename, String cursor) {
        AssetPage page = page(type, filename, WALK_PAGE, cursor);
        return new Paged.Step<>(page.data(), page.hasMore() ? () -> step(type, filename, page.nextCursor()) : null);
    }

    /** Changes alt and/or title: null leaves a value, "" clears it. */
    public Asset update(String id, String alt, String title) {
        ObjectNode body = Json.object();
        if (alt != null) body.put("alt", alt);
        if (title != null) body.put("title", title);
        return Asset.from(transport.call(ApiRequest.patch(path + "/" + ApiRequest.encode(id), body)));
    }

    /** Deletes an asset; without {@code force} an asset that entries use is refused (409). */
    public void delete(String id, boolean force) {
        transport.call(ApiRequest.delete(path + "/" + ApiRequest.encode(id)).withQuery(force ? Map.of("force", "true") : Map.of()));
    }

    /** Deletes (or with {@code dryRun} lists) assets older than {@code olderThanDays} that no entry uses. */
    public List<Asset> purge(int olderThanDays, boolean dryRun) {
        JsonNode r = transport.call(ApiRequest.post(path + "/purge", Json.object().put("older_than_days", olderThanDays).put("dry_run", dryRun)));
        return Json.list(r, "data", Asset::from);
    }

    /** Downloads the asset's bytes to {@code target} (streamed to disk). */
    public Path download(String id, Path target) {
        return transport.download(ApiRequest.get(path + "/" + ApiRequest.encode(id) + "/content"), target);
    }
}
