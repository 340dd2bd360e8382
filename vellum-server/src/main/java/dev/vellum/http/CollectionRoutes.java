package dev.vellum.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Scope;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SchemaJson;
import io.javalin.config.RoutesConfig;

/** /v1/projects/{p}/collections: schemas. Reading needs read scope; changing needs admin. */
final class CollectionRoutes {
    private CollectionRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        String base = "/v1/projects/{p}/collections";
        routes.get(base, ctx -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            var data = out.putArray("data");
            s.collections().list(Calls.project(ctx, Scope.READ)).forEach(c -> data.add(SchemaJson.collection(c)));
            Json.write(ctx, 200, out);
        });
        routes.post(base, ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            CollectionSchema c = s.collections().create(p, Json.body(ctx, s.config().maxBodyBytes()), Authentication.tokenId(ctx));
            ctx.header("Location", "/v1/projects/" + p + "/collections/" + c.id());
            Json.write(ctx, 201, SchemaJson.collection(c));
        });
        routes.get(base + "/{c}", ctx ->
                Json.write(ctx, 200, SchemaJson.collection(s.collections().get(Calls.project(ctx, Scope.READ), ctx.pathParam("c")))));
        routes.patch(base + "/{c}", ctx -> {
            String p = Calls.project(ctx, Scope.ADMIN);
            CollectionSchema c = s.collections().update(p, ctx.pathParam("c"), Json.body(ctx, s.config().maxBodyBytes()),
                    Authentication.tokenId(ctx));
            Json.write(ctx, 200, SchemaJson.collection(c));
        });
        routes.delete(base + "/{c}", ctx -> {
            s.collections().delete(Calls.project(ctx, Scope.ADMIN), ctx.pathParam("c"), Authentication.tokenId(ctx));
            ctx.status(204);
        });
    }
}
