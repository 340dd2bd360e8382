package dev.vellum.automation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.VellumException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads an inbound payload: JSON, or a form post (as an object of its fields; repeated fields become lists). */
final class InboundPayload {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InboundPayload() {}

    static JsonNode read(InboundRequest request) {
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json") || type.matches("application/[\\w.+-]+\\+json.*")) return json(request.body());
        if (type.startsWith("application/x-www-form-urlencoded")) return form(new String(request.body(), StandardCharsets.UTF_8));
        throw new VellumException.UnsupportedMediaType("Send the payload as application/json or application/x-www-form-urlencoded");
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) throw new VellumException.BadRequest("empty_body", "The payload is empty");
        try {
            return JSON.readTree(body);
        } catch (JsonParseException e) {
            throw new VellumException.BadRequest("malformed_json", "The payload is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new VellumException.BadRequest("malformed_json", "The payload is not valid JSON");
        }
    }

    private static ObjectNode form(String body) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            JsonNode existing = out.get(key);
            if (existing == null) {
                out.put(key, value);
            } else if (existing.isArray()) {
                ((ArrayNode) existing).add(value);
            } else {
                out.putArray(key).add(existing).add(value);
            }
        }
        return out;
    }
}
