package dev.vellum.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.VellumException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where a page ended: the sort-key values and id of its last entry (keyset paging), plus a
 * fingerprint of the sort and filter it was made for. Opaque to clients (base64url JSON).
 */
public record Cursor(List<JsonNode> values, String id, String fingerprint) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode v = o.putArray("v");
        values.forEach(v::add);
        o.put("id", id);
        o.put("f", fingerprint);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Cursor decode(String text, String expectedFingerprint, int keys) {
        try {
            JsonNode o = JSON.readTree(Base64.getUrlDecoder().decode(text.getBytes(StandardCharsets.US_ASCII)));
            if (!o.path("f").isTextual()) throw invalid();
            if (!expectedFingerprint.equals(o.path("f").asText())) {
                throw new VellumException.BadRequest("cursor_mismatch",
                        "This cursor was made for another sort or filter; start again without a cursor");
            }
            JsonNode v = o.get("v");
            if (v == null || !v.isArray() || v.size() != keys || !o.path("id").isTextual()) throw invalid();
            List<JsonNode> values = new ArrayList<>();
            v.forEach(values::add);
            return new Cursor(values, o.get("id").textValue(), expectedFingerprint);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private static VellumException invalid() {
        return new VellumException.BadRequest("invalid_cursor", "The cursor is not valid");
    }
}
