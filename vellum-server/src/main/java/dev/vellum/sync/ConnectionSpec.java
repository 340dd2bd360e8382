package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.json.JsonInput;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A connection as a client sends it (create: everything but the mapping is required; reconfigure:
 * only what changes). Absent keys are null; every problem is reported at once, per key.
 */
record ConnectionSpec(String collection, String url, String token, String remoteCollection, boolean createRemote, String idField,
                      String slugField, boolean slugFieldSet, List<FieldMap> mapping, Boolean alwaysOverwrite, String conflicts,
                      Boolean deletes, String assets, Integer scheduleMinutes, boolean scheduleSet, Boolean live) {
    private static final Set<String> KEYS = Set.of("kind", "collection", "url", "token", "remote_collection", "create_remote", "id_field",
            "slug_field", "mapping", "always_overwrite", "conflicts", "deletes", "assets", "schedule_minutes", "live");

    static ConnectionSpec parse(JsonNode body, boolean create) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) throw invalid(List.of(new FieldError("body", "type_mismatch", "must be a JSON object")));
        JsonInput in = new JsonInput(body, errors).only(KEYS, "connections");
        String kind = in.text("kind");
        if (kind != null && !kind.equals("directus")) errors.add(new FieldError("kind", "invalid_option", "kind is directus"));
        String collection = in.text("collection");
        String url = in.text("url");
        String token = in.text("token");
        String remote = in.text("remote_collection");
        boolean createRemote = bool(body, "create_remote", errors) == Boolean.TRUE;
        if (create) {
            if (collection == null) errors.add(new FieldError("collection", "required", "the Vellum collection to sync"));
            if (url == null) errors.add(new FieldError("url", "required", "the Directus URL, e.g. https://cms.example.com"));
            if (token == null || token.isBlank()) errors.add(new FieldError("token", "required", "a Directus static access token"));
            if (remote == null && !createRemote) errors.add(new FieldError("remote_collection", "required",
                    "the Directus collection to sync with (or create_remote: true)"));
        } else if (collection != null) {
            errors.add(new FieldError("collection", "read_only", "a connection's Vellum collection cannot change; delete it and connect again"));
        }
        if (url != null) checkUrl(url, errors);
        String conflicts = in.text("conflicts");
        if (conflicts != null && !Set.of("field", "item").contains(conflicts)) {
            errors.add(new FieldError("conflicts", "invalid_option", "conflicts is field (merge different fields) or item (any change on both sides)"));
        }
        String assets = in.text("assets");
        if (assets != null && !Set.of("url", "rehost").contains(assets)) {
            errors.add(new FieldError("assets", "invalid_option", "assets is url (keep Directus asset URLs) or rehost"));
        }
        Integer schedule = null;
        JsonNode s = body.get("schedule_minutes");
        if (s != null && !s.isNull()) {
            if (!s.canConvertToInt() || s.asInt() < 1 || s.asInt() > 10_080) {
                errors.add(new FieldError("schedule_minutes", "out_of_range", "a whole number of minutes from 1 to 10080, or null"));
            } else {
                schedule = s.asInt();
            }
        }
        List<FieldMap> mapping = mapping(body.get("mapping"), errors);
        ConnectionSpec spec = new ConnectionSpec(collection, url, token, remote, createRemote, in.text("id_field"), in.text("slug_field"),
                body.has("slug_field"), mapping, bool(body, "always_overwrite", errors), conflicts, bool(body, "deletes", errors), assets,
                schedule, body.has("schedule_minutes"), bool(body, "live", errors));
        if (!errors.isEmpty()) throw invalid(errors);
        return spec;
    }

    private static List<FieldMap> mapping(JsonNode m, List<FieldError> errors) {
        if (m == null || m.isNull()) return null;
        if (!m.isArray()) {
            errors.add(new FieldError("mapping", "type_mismatch", "an array of {field, remote, format?, ignore?}"));
            return null;
        }
        List<FieldMap> out = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            JsonNode row = m.get(i);
            String at = "mapping[" + i + "]";
            if (!row.isObject() || !row.path("field").isTextual()) {
                errors.add(new FieldError(at + ".field", "required", "each row names a Vellum field"));
                continue;
            }
            boolean ignore = row.path("ignore").asBoolean(false);
            String remote = row.path("remote").isTextual() ? row.get("remote").asText() : null;
            if (remote == null && !ignore) errors.add(new FieldError(at + ".remote", "required", "the Directus field, or ignore: true"));
            String format = row.path("format").isTextual() ? row.get("format").asText() : null;
            if (format != null && !Set.of("html", "markdown").contains(format)) {
                errors.add(new FieldError(at + ".format", "invalid_option", "rich text is kept in Directus as html or markdown"));
            }
            out.add(new FieldMap(row.get("field").asText(), remote, format, ignore));
        }
        return out;
    }

    private static Boolean bool(JsonNode body, String key, List<FieldError> errors) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) {
            errors.add(new FieldError(key, "type_mismatch", "must be true or false"));
            return null;
        }
        return n.booleanValue();
    }

    private static void checkUrl(String url, List<FieldError> errors) {
        try {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                errors.add(new FieldError("url", "invalid_url", "an absolute http(s) URL"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", "invalid_url", "an absolute http(s) URL"));
        }
    }

    static VellumException invalid(List<FieldError> errors) {
        return new VellumException.Invalid("invalid_connection", "The connection is not valid", errors);
    }
}
