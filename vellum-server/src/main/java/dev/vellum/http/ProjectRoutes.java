package dev.vellum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.projects.Project;
import io.javalin.config.RoutesConfig;

/** /v1/projects: the instance admin creates and lists projects. */
final class ProjectRoutes {
    private ProjectRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        routes.post("/v1/projects", ctx -> {
            Access.requireInstanceAdmin(Calls.principal(ctx));
            JsonNode body = Json.body(ctx, s.config().maxBodyBytes());
            Project p = s.projects().create(body.path("id").isTextual() ? body.get("id").textValue() : null,
                    body.path("name").asText(null));
            ctx.header("Location", "/v1/projects/" + p.id());
            Json.write(ctx, 201, json(p));
        });
        routes.get("/v1/projects", ctx -> {
            Access.requireInstanceAdmin(Calls.principal(ctx));
            ObjectNode out = Json.MAPPER.createObjectNode();
            var data = out.putArray("data");
            s.projects().list().forEach(p -> data.add(json(p)));
            Json.write(ctx, 200, out);
        });
        routes.get("/v1/projects/{p}", ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            Json.write(ctx, 200, DeliveryRoutes.settings(json(s.projects().get(p)), s.delivery().settings(p)));
        });
    }

    static ObjectNode json(Project p) {
        return Json.MAPPER.createObjectNode().put("id", p.id()).put("name", p.name()).put("created_at", p.createdAt());
    }
}
