package dev.vellum.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code {"kind": "wordpress"|"markdown"|"csv"|"json", "source": {"asset": id} | {"url", "user"?, "app_password"?} | {"path"},
 * "options": {…}}}, checked before a job is made. The application password is split off as a secret:
 * it is sealed with the job and never stored or shown in its params.
 */
public record ImportRequest(String kind, ObjectNode source, ObjectNode options, ObjectNode secrets) {
    static final Set<String> KINDS = Set.of("wordpress", "markdown", "csv", "json");

    /** {@code localPaths}: whether {@code source.path} is allowed (the CLI's local mode, never over HTTP). */
    public static ImportRequest parse(JsonNode body, boolean localPaths) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) throw invalid(List.of(new FieldError("body", "type_mismatch", "must be a JSON object")));
        body.fieldNames().forEachRemaining(k -> {
            if (!Set.of("kind", "source", "options").contains(k)) errors.add(new FieldError(k, "unknown_key", "an import takes kind, source and options"));
        });
        String kind = body.path("kind").asText("");
        if (!KINDS.contains(kind)) errors.add(new FieldError("kind", "invalid_option", "kind is wordpress, markdown, csv or json"));
        JsonNode src = body.get("source");
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        ObjectNode secrets = JsonNodeFactory.instance.objectNode();
        if (src == null || !src.isObject()) {
            errors.add(new FieldError("source", "required", "source is {\"asset\": id}, {\"url\": …} (WordPress) or {\"path\": …} (CLI)"));
        } else {
            source = ((ObjectNode) src).deepCopy();
            int given = (source.hasNonNull("asset") ? 1 : 0) + (source.hasNonNull("url") ? 1 : 0) + (source.hasNonNull("path") ? 1 : 0);
            if (given != 1) errors.add(new FieldError("source", "invalid", "give exactly one of asset, url and path"));
            if (source.hasNonNull("url") && !kind.equals("wordpress")) errors.add(new FieldError("source.url", "invalid", "only WordPress imports read a URL"));
            if (source.hasNonNull("url") && !source.get("url").asText().matches("https?://.+")) {
                errors.add(new FieldError("source.url", "invalid_url", "must be an http or https URL"));
            }
            if (source.hasNonNull("path") && !localPaths) errors.add(new FieldError("source.path", "local_only",
                    "a path on the server's disk is only for the CLI's local mode; upload the file as an asset and give its id"));
            if (source.has("user") != source.has("app_password")) {
                errors.add(new FieldError("source.app_password", "required", "source.user and source.app_password go together"));
            }
            JsonNode password = source.remove("app_password");
            if (password != null) secrets.set("app_password", password);
        }
        JsonNode opts = body.get("options");
        if (opts != null && !opts.isNull() && !opts.isObject()) errors.add(new FieldError("options", "type_mismatch", "must be an object"));
        ObjectNode options = opts instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        if ((kind.equals("csv") || kind.equals("json")) && !options.path("collection").isTextual()) {
            errors.add(new FieldError("options.collection", "required", "name the collection the rows go to"));
        }
        if (!errors.isEmpty()) throw invalid(errors);
        return new ImportRequest(kind, source, options, secrets);
    }

    /** The request as stored in the job (no secret). */
    public ObjectNode params() {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("kind", kind);
        p.set("source", source);
        p.set("options", options);
        return p;
    }

    private static VellumException invalid(List<FieldError> errors) {
        return new VellumException.Invalid("invalid_import", "The import request is not valid", errors);
    }
}
