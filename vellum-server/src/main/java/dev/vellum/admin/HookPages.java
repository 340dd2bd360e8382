package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.automation.InboundHook;
import dev.vellum.automation.InboundHookService;
import dev.vellum.automation.InboundLogEntry;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.publishing.PublishService;
import dev.vellum.schema.CollectionSchema;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** Inbound hooks (create, the URL and secret, the request log) and publishing (publish now, history). Admin scope. */
final class HookPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Services services;

    HookPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        routes.get("/admin/p/{p}/hooks", admin.page((ctx, s) -> hooks(ctx, s, 200, null, null)));
        routes.post("/admin/p/{p}/hooks", admin.action(this::createHook));
        routes.get("/admin/p/{p}/hooks/{id}", admin.page(this::requestLog));
        routes.get("/admin/p/{p}/publish", admin.page(this::publishing));
        routes.post("/admin/p/{p}/publish", admin.action((ctx, s) -> {
            services.events().publishing().request(project(ctx, s), false);
            ctx.redirect("/admin/p/" + ctx.pathParam("p") + "/publish?done=" + Links.query("Publish requested: site.published fires after the quiet time."),
                    HttpStatus.SEE_OTHER);
        }));
    }

    private static String project(Context ctx, Session s) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, Scope.ADMIN);
        return p;
    }

    private String hookUrl(Context ctx, InboundHook h) {
        return Links.publicBase(services.config(), ctx) + "/hooks/" + h.id();
    }

    private void createHook(Context ctx, Session s) {
        String p = project(ctx, s);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("collection", ctx.formParam("collection"));
        body.put("upsert_key", Forms.blankToNull(ctx.formParam("upsert_key")));
        body.put("signature", ctx.formParam("signature"));
        String description = Forms.blankToNull(ctx.formParam("description"));
        if (description != null) body.put("description", description);
        try {
            JsonNode mapping = MAPPER.readTree(ctx.formParam("mapping") == null ? "" : ctx.formParam("mapping"));
            if (mapping != null) body.set("mapping", mapping);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            hooks(ctx, s, 422, null, "The mapping is not valid JSON: " + e.getOriginalMessage());
            return;
        }
        try {
            hooks(ctx, s, 201, services.events().inbound().create(p, body), null);
        } catch (VellumException.Invalid | VellumException.BadRequest e) {
            hooks(ctx, s, e.status(), null, Forms.message(e));
        }
    }

    private void hooks(Context ctx, Session s, int status, InboundHookService.Created created, String error) {
        String p = project(ctx, s);
        Html h = new Html();
        Layout.notice(h, "error", error);
        if (created != null) {
            h.open("div", "class", "card secret", "role", "status").el("p", "Hook created. Give the sender its URL and secret; the secret is shown only this once.")
                    .open("p").el("label", "URL", "for", "hook-url").close("p")
                    .open("input", "id", "hook-url", "class", "mono", "readonly", "", "value", hookUrl(ctx, created.hook()), "data-select", "")
                    .open("p").el("label", "Secret", "for", "new-secret").close("p")
                    .open("input", "id", "new-secret", "class", "mono", "readonly", "", "value", created.secret(), "data-select", "")
                    .close("div");
        }
        List<InboundHook> hooks = services.events().inbound().list(p);
        if (hooks.isEmpty()) h.el("p", "No inbound hooks yet.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Collection", "Upsert by", "Signature", "URL", "")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (InboundHook x : hooks) {
                h.open("tr").el("td", x.collection()).el("td", x.upsertKey()).el("td", x.scheme().wire()).el("td", hookUrl(ctx, x), "class", "mono")
                        .open("td").el("a", "Request log", "href", "/admin/p/" + p + "/hooks/" + x.id()).close("td").close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        h.el("h2", "New inbound hook");
        h.open("form", "method", "post", "action", "/admin/p/" + p + "/hooks", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.open("div", "class", "field").el("label", "Collection", "for", "hook-collection").open("select", "id", "hook-collection", "name", "collection");
        for (CollectionSchema c : services.collections().list(p)) h.el("option", c.name(), "value", c.id());
        h.close("select").close("div");
        h.field("Upsert key", "hook-key", "slug or a field id: an entry with the same value is updated instead of created.", null,
                "name", "upsert_key", "value", "slug");
        h.open("div", "class", "field").el("label", "Mapping (JSON: field → JSON pointer into the payload)", "for", "hook-mapping")
                .el("textarea", "{\"title\": \"/data/object/name\", \"slug\": \"/data/object/id\"}", "id", "hook-mapping", "name", "mapping",
                        "rows", "4", "class", "mono").close("div");
        h.open("div", "class", "field").el("label", "Signature scheme", "for", "hook-signature").open("select", "id", "hook-signature", "name", "signature")
                .el("option", "vellum (Vellum-Signature header)", "value", "vellum").el("option", "stripe (Stripe-Signature header)", "value", "stripe")
                .close("select").close("div");
        h.field("Description", "hook-description", null, null, "name", "description");
        h.button("Create hook", "type", "submit", "class", "primary").close("form");
        Layout.write(ctx, status, "Inbound hooks", s, Links.crumbs(s, p, new Layout.Crumb("Inbound hooks", null)), h);
    }

    private void requestLog(Context ctx, Session s) {
        String p = project(ctx, s);
        InboundHook hook = services.events().inbound().get(p, ctx.pathParam("id"));
        InboundHookService.LogPage page = services.events().inbound().log(p, hook.id(), 50, Forms.blankToNull(ctx.queryParam("cursor")));
        Html h = new Html();
        h.open("p").text("Into " + hook.collection() + " by " + hook.upsertKey() + " · ").el("code", hookUrl(ctx, hook)).close("p");
        if (page.data().isEmpty()) h.el("p", "No requests yet.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Received", "Status", "Outcome", "Detail", "Entry", "Body")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (InboundLogEntry e : page.data()) {
                h.open("tr").el("td", Times.utc(e.receivedAt())).el("td", e.status(), "class", "num").el("td", e.outcome())
                        .el("td", e.code() == null ? "" : e.code() + ": " + e.detail()).open("td");
                if (e.entryId() != null) h.el("a", e.entryId(), "href", Links.entry(p, hook.collection(), e.entryId()), "class", "mono");
                h.close("td").el("td", e.bodyExcerpt(), "class", "mono").close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        if (page.nextCursor() != null) h.open("nav", "class", "pager", "aria-label", "Pages")
                .el("a", "Older requests", "href", "/admin/p/" + p + "/hooks/" + hook.id() + "?cursor=" + Links.query(page.nextCursor())).close("nav");
        Layout.write(ctx, 200, "Hook requests", s, Links.crumbs(s, p, new Layout.Crumb("Inbound hooks", "/admin/p/" + p + "/hooks"),
                new Layout.Crumb("Requests", null)), h);
    }

    private void publishing(Context ctx, Session s) {
        String p = project(ctx, s);
        PublishService.History history = services.events().publishing().history(p, 50, Forms.blankToNull(ctx.queryParam("cursor")));
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        h.el("p", "Publishing fires site.published to the webhooks that listen for it (deploy hooks). A burst of requests fires once.");
        h.open("form", "method", "post", "action", "/admin/p/" + p + "/publish").hidden(SessionCookies.CSRF_FIELD, s.csrf())
                .button("Publish the site", "type", "submit", "class", "primary").close("form");
        h.el("h2", "History");
        if (history.data().isEmpty()) h.el("p", "Never published.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Requested", "Status", "Requests", "Fired", "Deliveries")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (PublishService.Report r : history.data()) {
                var x = r.publish();
                h.open("tr").el("td", Times.utc(x.requestedAt())).el("td", x.status().wire()).el("td", x.requests(), "class", "num")
                        .el("td", x.firedAt() == null ? "due " + Times.utc(x.fireAt()) : Times.utc(x.firedAt()))
                        .el("td", String.join(", ", r.deliveries().stream().map(d -> d.url() + " " + d.delivery().status().wire()).toList()))
                        .close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        Layout.write(ctx, 200, "Publish", s, Links.crumbs(s, p, new Layout.Crumb("Publish", null)), h);
    }
}
