package dev.vellum.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Binary requests for tests (uploads, multipart, ranges): the body is bytes, the answer keeps its bytes. */
public final class RawHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    public RawHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public RawHttp as(String otherToken) {
        return new RawHttp(base, otherToken);
    }

    public record Response(int status, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public byte[] body() {
            return raw.body();
        }

        public JsonNode json() {
            try {
                return raw.body().length == 0 ? MissingNode.getInstance() : Api.JSON.readTree(raw.body());
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        @Override
        public String toString() {
            return status + " " + new String(raw.body(), 0, Math.min(raw.body().length, 2000), StandardCharsets.UTF_8);
        }
    }

    public Response get(String path, String... headers) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    public Response head(String path, String... headers) {
        return send("HEAD", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** A raw upload: the bytes as the body, with this Content-Type. */
    public Response post(String path, byte[] body, String contentType) {
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), "Content-Type", contentType);
    }

    /** A body sent chunked, without a Content-Length: the server only learns its size by reading it. */
    public Response postStreamed(String path, Supplier<InputStream> body, String contentType) {
        return send("POST", path, HttpRequest.BodyPublishers.ofInputStream(body), "Content-Type", contentType);
    }

    /** multipart/form-data: text fields, then a {@code file} part. */
    public Response upload(String path, String filename, String type, byte[] bytes, Map<String, String> fields) {
        String boundary = "----vellum" + UUID.randomUUID();
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, filename, type, bytes, fields, true)),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    public static byte[] multipart(String boundary, String filename, String type, byte[] bytes, Map<String, String> fields, boolean fieldsFirst) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> f = new LinkedHashMap<>(fields);
        if (fieldsFirst) f.forEach((k, v) -> field(out, boundary, k, v));
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n");
        out.writeBytes(bytes);
        write(out, "\r\n");
        if (!fieldsFirst) f.forEach((k, v) -> field(out, boundary, k, v));
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        b.method(method, body);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
