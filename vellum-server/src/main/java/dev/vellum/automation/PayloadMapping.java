package dev.vellum.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.schema.CollectionSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An inbound hook's mapping, compiled: for each target (a field id, or {@code slug}, {@code draft},
 * {@code publish_at}) where its value comes from. Turns a payload into an entry body as the
 * entries API takes it; targets without a value in the payload are left out.
 */
record PayloadMapping(Map<String, FieldMapping> targets) {
    static final Set<String> SYSTEM = Set.of("slug", "draft", "publish_at");

    /** Checks a mapping against the collection's schema; problems go to {@code errors}. */
    static PayloadMapping parse(JsonNode mapping, CollectionSchema c, List<FieldError> errors) {
        Map<String, FieldMapping> targets = new LinkedHashMap<>();
        if (mapping == null || !mapping.isObject() || mapping.isEmpty()) {
            errors.add(new FieldError("mapping", "required", "mapping is an object of target → JSON pointer or template"));
            return new PayloadMapping(targets);
        }
        mapping.properties().forEach(e -> {
            String target = e.getKey();
            if (!SYSTEM.contains(target) && c.field(target).isEmpty()) {
                errors.add(new FieldError("mapping." + target, "unknown_field",
                        "collection '" + c.id() + "' has no field '" + target + "' (system targets: slug, draft, publish_at)"));
                return;
            }
            try {
                targets.put(target, FieldMapping.parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                errors.add(new FieldError("mapping." + target, "invalid_mapping", bad.getMessage()));
            }
        });
        return new PayloadMapping(targets);
    }

    /** Compiles a stored (already checked) mapping. */
    static PayloadMapping compile(ObjectNode mapping) {
        Map<String, FieldMapping> targets = new LinkedHashMap<>();
        mapping.properties().forEach(e -> targets.put(e.getKey(), FieldMapping.parse(e.getValue())));
        return new PayloadMapping(targets);
    }

    ObjectNode entryBody(JsonNode payload) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = body.putObject("fields");
        targets.forEach((target, mapping) -> {
            JsonNode value = mapping.apply(payload);
            if (value == null) return;
            if (SYSTEM.contains(target)) body.set(target, value);
            else fields.set(target, value);
        });
        return body;
    }
}
