package dev.vellum.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.auth.Principal;
import dev.vellum.auth.Scope;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.graphql.GraphqlRequest;
import dev.vellum.graphql.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * /v1/projects/{p}/graphql: POST {"query", "variables"?, "operationName"?, "extensions"?}, or GET with
 * the same as query parameters (then with an ETag like a list, answering If-None-Match with 304). Read
 * scope; drafts as REST shows them to the caller.
 */
final class GraphqlRoutes {
    private GraphqlRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        String path = "/v1/projects/{p}/graphql";
        routes.post(path, ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            JsonNode body = Json.body(ctx, s.config().maxBodyBytes());
            GraphqlRequest request = request(text(body.get("query"), "query"), body.get("variables"),
                    text(body.get("operationName"), "operationName"), body.get("extensions"));
            run(ctx, s, p, request, true);
        });
        routes.get(path, ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            Principal who = Calls.principal(ctx);
            String etag = Caching.etag(s.changes().latest(p), who, ctx, null);
            Caching.headers(ctx, s, p, who);
            ctx.header("ETag", etag);
            if (Caching.notModified(ctx, etag)) {
                ctx.status(304);
                return;
            }
            GraphqlRequest request = request(ctx.queryParam("query"), parse(ctx.queryParam("variables"), "variables"),
                    ctx.queryParam("operationName"), parse(ctx.queryParam("extensions"), "extensions"));
            run(ctx, s, p, request, false);
        });
    }

    /** {@code post}: mutations run only in POSTs (a GET may be cached, prefetched or replayed). */
    private static void run(Context ctx, Services s, String p, GraphqlRequest request, boolean post) {
        Map<String, Object> result = s.graphql().execute(Viewer.of(Calls.principal(ctx), p, post), request);
        Json.write(ctx, 200, result); // straight to bytes, no JSON tree in between
    }

    @SuppressWarnings("unchecked")
    private static GraphqlRequest request(String query, JsonNode variables, String operationName, JsonNode extensions) {
        if (variables != null && !variables.isNull() && !variables.isObject()) throw invalid("variables", "must be a JSON object");
        Map<String, Object> vars = variables == null || variables.isNull() ? Map.of() : Json.MAPPER.convertValue(variables, Map.class);
        String hash = null;
        if (extensions != null && extensions.has("persistedQuery")) {
            JsonNode h = extensions.path("persistedQuery").get("sha256Hash");
            if (h == null || !h.isTextual() || !h.textValue().matches("[0-9a-fA-F]{64}")) {
                throw invalid("extensions.persistedQuery.sha256Hash", "must be the sha256 of the query in hex");
            }
            hash = h.textValue();
        }
        if (query == null && hash == null) throw invalid("query", "send a GraphQL query in \"query\"");
        return new GraphqlRequest(query, vars, operationName, hash);
    }

    private static String text(JsonNode v, String field) {
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw invalid(field, "must be a string");
        return v.textValue();
    }

    private static JsonNode parse(String json, String field) {
        if (json == null || json.isEmpty()) return null;
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(field, "must be JSON");
        }
    }

    private static VellumException invalid(String field, String message) {
        return new VellumException.BadRequest("invalid_graphql_request", field + " " + message, List.of(new FieldError(field, "invalid", message)));
    }
}
