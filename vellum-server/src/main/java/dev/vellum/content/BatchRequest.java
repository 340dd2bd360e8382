package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import java.util.ArrayList;
import java.util.List;

/** {@code {"mode": "create"|"upsert", "match": "slug"|"id", "atomic": bool, "entries": [...]}} */
record BatchRequest(boolean upsert, boolean matchById, boolean atomic, List<JsonNode> items) {
    static final int MAX_ITEMS = 1000;

    static BatchRequest parse(JsonNode body) {
        return parse(body, MAX_ITEMS);
    }

    /** @param maxItems the most items the batch may hold ({@link #MAX_ITEMS} from the API) */
    static BatchRequest parse(JsonNode body, int maxItems) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new VellumException.Invalid("invalid_batch", "The batch is not valid",
                    List.of(new FieldError("body", "type_mismatch", "must be a JSON object")));
        }
        String mode = body.path("mode").asText("create");
        if (!mode.equals("create") && !mode.equals("upsert")) errors.add(new FieldError("mode", "invalid_option", "mode is create or upsert"));
        String match = body.path("match").asText("slug");
        if (!match.equals("slug") && !match.equals("id")) errors.add(new FieldError("match", "invalid_option", "match is slug or id"));
        JsonNode atomic = body.get("atomic");
        if (atomic != null && !atomic.isBoolean()) errors.add(new FieldError("atomic", "type_mismatch", "must be true or false"));
        JsonNode entries = body.get("entries");
        List<JsonNode> items = new ArrayList<>();
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            errors.add(new FieldError("entries", "required", "entries must be a non-empty array"));
        } else if (entries.size() > maxItems) {
            errors.add(new FieldError("entries", "too_many_entries", "at most " + maxItems + " entries per batch"));
        } else {
            entries.forEach(items::add);
        }
        if (!errors.isEmpty()) throw new VellumException.Invalid("invalid_batch", "The batch is not valid", errors);
        return new BatchRequest(mode.equals("upsert"), match.equals("id"), atomic != null && atomic.asBoolean(), items);
    }
}
