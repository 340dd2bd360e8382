package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.outbound.OutboundPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Images and files between the two sides. Pulled, a Directus file is its asset URL
 * ({@code <directus>/assets/<id>}), which round-trips to the same file id. Pushed, a URL that is not
 * one of this Directus' assets is downloaded (through the outbound policy) and uploaded to Directus
 * as a file; the new file's id is remembered for the rest of the run.
 */
final class DirectusFiles implements ValueConverter.Files {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final long MAX_BYTES = 100L * 1024 * 1024;

    private final DirectusClient client;
    private final OutboundPolicy policy;
    private final Map<String, String> uploaded = new HashMap<>();

    DirectusFiles(DirectusClient client, OutboundPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    @Override
    public JsonNode toVellum(String fileId, boolean image) {
        return SyncJson.JSON.createObjectNode().put("url", client.base() + "/assets/" + fileId);
    }

    @Override
    public String toDirectus(JsonNode value) {
        String url = value.isTextual() ? value.asText() : value.path("url").asText();
        String prefix = client.base() + "/assets/";
        if (url.startsWith(prefix)) {
            String id = url.substring(prefix.length());
            int q = id.indexOf('?');
            return q < 0 ? id : id.substring(0, q);
        }
        return uploaded.computeIfAbsent(url, this::upload);
    }

    private String upload(String url) {
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
