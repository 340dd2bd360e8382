package dev.vellum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vellum.testing.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks real responses against the OpenAPI document: status documented, content type and body schema. */
final class OpenApiContract {
    private final JsonNode doc;
    private final String defs;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    final List<String> checked = new ArrayList<>();

    OpenApiContract(JsonNode doc) {
        this.doc = doc;
        this.defs = doc.at("/components/schemas").toString().replace("#/components/schemas/", "#/$defs/");
    }

    /** Path template as the spec spells it for a route as Javalin spells it (parameter names differ). */
    static String shape(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    JsonNode operation(String method, String route) {
        var paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            var e = paths.next();
            if (shape(e.getKey()).equals(shape(route))) return e.getValue().get(method.toLowerCase(java.util.Locale.ROOT));
        }
        return null;
    }

    /** Problems, or an empty list when {@code r} is what the spec says {@code method route} answers. */
    List<String> violations(String method, String route, Api.Response r) {
        List<String> out = new ArrayList<>();
        JsonNode op = operation(method, route);
        if (op == null) return List.of(method + " " + route + " is not in the spec");
        JsonNode response = op.at("/responses/" + r.status());
        if (response.isMissingNode()) response = op.at("/responses/default");
        if (response.isMissingNode()) return List.of(method + " " + route + ": status " + r.status() + " is not documented");
        response = resolve(response);
        JsonNode content = response.get("content");
        checked.add(method + " " + route + " " + r.status());
        if (content == null) {
            if (!r.raw().body().isEmpty()) out.add(method + " " + route + " " + r.status() + ": a body where the spec has none");
            return out;
        }
        String type = r.contentType() == null ? "" : r.contentType().split(";")[0].strip();
        JsonNode media = content.get(type);
        if (media == null && type.contains("/")) media = content.get(type.substring(0, type.indexOf('/')) + "/*"); // media ranges
        if (media == null) media = content.get("*/*");
        if (media == null) return List.of(method + " " + route + " " + r.status() + ": content type " + type + " not in " + content.fieldNames().next());
        if (!type.endsWith("json")) return out;
        String schemaJson = media.get("schema").toString().replace("#/components/schemas/", "#/$defs/");
        Schema schema = compiled.computeIfAbsent(schemaJson, s -> registry.getSchema(
                "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$defs\": " + defs + ", \"allOf\": [" + s + "]}"));
        schema.validate(r.raw().body(), InputFormat.JSON).forEach(err ->
                out.add(method + " " + route + " " + r.status() + ": " + err.getMessage()));
        return out;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) return node;
        return doc.at(ref.asText().substring(1));
    }
}
