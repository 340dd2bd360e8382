package dev.vellum.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vellum.error.VellumException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reading request bodies and writing JSON responses. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private static final java.util.regex.Pattern JSON_SUFFIX = java.util.regex.Pattern.compile("application/[\\w.-]+\\+json");

    private Json() {}

    /** The request body as JSON: 415 unless it is JSON, 413 when too large, 400 (with the position) when malformed. */
    static JsonNode body(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type == null || !(type.startsWith("application/json") || JSON_SUFFIX.matcher(type).lookingAt())) {
            throw new VellumException.UnsupportedMediaType("Send the body as application/json");
        }
        if (ctx.contentLength() > maxBytes) {
            drain(ctx, Math.min(ctx.contentLength(), 4 * maxBytes));
            throw tooLarge(maxBytes);
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > maxBytes) throw tooLarge(maxBytes);
        if (bytes.length == 0) throw new VellumException.BadRequest("empty_body", "The request body is empty; send a JSON object");
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonParseException e) {
            var loc = e.getLocation();
            throw new VellumException.BadRequest("malformed_json", "The body is not valid JSON at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new VellumException.BadRequest("malformed_json", "The body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /** A body rendered already (streamed from the database into bytes). */
    static void write(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType("application/json").result(json);
    }

    static void write(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * A body of plain values (maps, lists, strings, numbers, booleans, JSON trees, as a GraphQL result holds them), written
     * in one pass by a walk over them (faster than the mapper's serializers, which look one up per value); anything else
     * goes through the mapper.
     */
    static void write(Context ctx, int status, java.util.Map<String, ?> body) {
        var out = new com.fasterxml.jackson.core.util.ByteArrayBuilder(8192);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writePlain(g, body);
        } catch (IOException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
        ctx.status(status).contentType("application/json").result(out.toByteArray());
    }

    private static void writePlain(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case java.util.Map<?, ?> m -> {
                g.writeStartObject();
                for (var e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    writePlain(g, e.getValue());
                }
                g.writeEndObject();
            }
            case java.util.List<?> l -> {
                g.writeStartArray();
                for (Object item : l) writePlain(g, item);
                g.writeEndArray();
            }
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case JsonNode n -> MAPPER.writeTree(g, n);
            default -> MAPPER.writeValue(g, value);
        }
    }

    /**
     * Reads and drops a refused body (up to {@code limit} bytes), so the client, which is usually still
     * sending it, reads our 413 instead of a reset connection. Bodies beyond the limit are cut off.
     */
    static void drain(Context ctx, long limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            int n;
            while (read < limit && (n = in.read(buffer)) > 0) read += n;
        } catch (IOException ignored) {
            // the client went away: nothing to answer
        }
    }

    private static VellumException tooLarge(long maxBytes) {
        return new VellumException.PayloadTooLarge("The body is larger than " + maxBytes + " bytes");
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
