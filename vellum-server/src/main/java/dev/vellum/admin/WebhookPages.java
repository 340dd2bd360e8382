package dev.vellum.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.webhooks.Delivery;
import dev.vellum.webhooks.Webhook;
import dev.vellum.webhooks.WebhookService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** Outbound webhooks: create (the signing secret shown once), their delivery log, re-send, a test event. Admin scope. */
final class WebhookPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> EVENTS = List.of("entry.created", "entry.updated", "entry.deleted", "collection.*", "site.published");
    private final Services services;

    WebhookPages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        String base = "/admin/p/{p}/webhooks";
        routes.get(base, admin.page((ctx, s) -> list(ctx, s, 200, null, null)));
        routes.post(base, admin.action(this::create));
        routes.get(base + "/{id}", admin.page(this::deliveries));
        routes.post(base + "/{id}/test", admin.action((ctx, s) -> {
            services.webhooks().test(project(ctx, s), ctx.pathParam("id"));
            back(ctx, "Test event queued.");
        }));
        routes.post(base + "/{id}/deliveries/{d}/resend", admin.action((ctx, s) -> {
            services.webhooks().resend(project(ctx, s), ctx.pathParam("id"), ctx.pathParam("d"));
            back(ctx, "Delivery queued again.");
        }));
    }

    private static String project(Context ctx, Session s) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, Scope.ADMIN);
        return p;
    }

    private static void back(Context ctx, String done) {
        ctx.redirect("/admin/p/" + ctx.pathParam("p") + "/webhooks/" + ctx.pathParam("id") + "?done=" + Links.query(done), HttpStatus.SEE_OTHER);
    }

    private void create(Context ctx, Session s) {
        String p = project(ctx, s);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("url", ctx.formParam("url") == null ? "" : ctx.formParam("url").strip());
        ArrayNode events = body.putArray("events");
        ctx.formParams("events").forEach(events::add);
        List<String> collections = ctx.formParams("collections");
        if (!collections.isEmpty()) collections.forEach(body.putArray("collections")::add);
        String description = Forms.blankToNull(ctx.formParam("description"));
        if (description != null) body.put("description", description);
        try {
            list(ctx, s, 201, services.webhooks().create(p, body), null);
        } catch (VellumException.Invalid | VellumException.BadRequest e) {
            list(ctx, s, e.status(), null, Forms.message(e));
        }
    }

    private void list(Context ctx, Session s, int status, WebhookService.Created created, String error) {
        String p = project(ctx, s);
        Html h = new Html();
        Layout.notice(h, "error", error);
        if (created != null) {
            h.open("div", "class", "card secret", "role", "status")
                    .el("p", "Webhook created. Its signing secret (verify the Vellum-Signature header with it) is shown only this once.")
                    .open("p").el("label", "Signing secret", "for", "new-secret").close("p")
                    .open("input", "id", "new-secret", "class", "mono", "readonly", "", "value", created.secret(), "data-select", "")
                    .close("div");
        }
        List<Webhook> hooks = services.webhooks().list(p);
        if (hooks.isEmpty()) h.el("p", "No webhooks yet.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("URL", "Events", "Collections", "Status", "")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (Webhook w : hooks) {
                h.open("tr").el("td", w.url(), "class", "mono").el("td", String.join(", ", w.events().patterns()))
                        .el("td", w.collections().isEmpty() ? "all" : String.join(", ", w.collections()))
                        .el("td", w.status().wire() + (w.statusReason() == null ? "" : " (" + w.statusReason() + ")"))
                        .open("td").el("a", "Delivery log", "href", "/admin/p/" + p + "/webhooks/" + w.id()).close("td").close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        h.el("h2", "New webhook");
        h.open("form", "method", "post", "action", "/admin/p/" + p + "/webhooks", "class", "card");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
        h.field("URL", "wh-url", "Where to POST the events (https://…).", null, "name", "url", "type", "url", "required", "");
        h.open("fieldset", "class", "checks").el("legend", "Events");
        for (int i = 0; i < EVENTS.size(); i++) {
            h.open("label", "for", "wh-event-" + i).open("input", "type", "checkbox", "id", "wh-event-" + i, "name", "events",
                    "value", EVENTS.get(i), "checked", i < 3 ? "" : null).text(EVENTS.get(i)).close("label");
        }
        h.close("fieldset");
        List<CollectionSchema> collections = services.collections().list(p);
        if (!collections.isEmpty()) {
            h.open("fieldset", "class", "checks").el("legend", "Only these collections (none ticked: all)");
            for (CollectionSchema c : collections) {
                h.open("label", "for", "wh-c-" + c.id()).open("input", "type", "checkbox", "id", "wh-c-" + c.id(), "name", "collections",
                        "value", c.id()).text(c.name()).close("label");
            }
            h.close("fieldset");
        }
        h.field("Description", "wh-description", null, null, "name", "description");
        h.button("Create webhook", "type", "submit", "class", "primary").close("form");
        Layout.write(ctx, status, "Webhooks", s, Links.crumbs(s, p, new Layout.Crumb("Webhooks", null)), h);
    }

    private void deliveries(Context ctx, Session s) {
        String p = project(ctx, s);
        Webhook w = services.webhooks().get(p, ctx.pathParam("id"));
        WebhookService.DeliveryPage page = services.webhooks().deliveries(p, w.id(), null, 50, Forms.blankToNull(ctx.queryParam("cursor")));
        String self = "/admin/p/" + p + "/webhooks/" + w.id();
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        h.open("p").el("code", w.url()).text(" · " + w.status().wire()).close("p");
        h.open("form", "method", "post", "action", self + "/test").hidden(SessionCookies.CSRF_FIELD, s.csrf())
                .button("Send a test event", "type", "submit").close("form");
        h.el("h2", "Delivery log");
        if (page.data().isEmpty()) h.el("p", "No deliveries yet.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Event", "Status", "Attempts", "Response", "Last attempt", "")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (Delivery d : page.data()) {
                h.open("tr").el("td", d.event()).el("td", d.status().wire()).el("td", d.attempts(), "class", "num")
                        .el("td", d.responseStatus() != null ? d.responseStatus() + (d.durationMs() == null ? "" : " in " + d.durationMs() + " ms")
                                : d.error() == null ? "" : d.error())
                        .el("td", Times.utc(d.lastAttemptAt())).open("td");
                h.open("form", "method", "post", "action", self + "/deliveries/" + d.id() + "/resend", "class", "inline")
                        .hidden(SessionCookies.CSRF_FIELD, s.csrf())
                        .button("Re-send", "type", "submit", "aria-label", "Re-send " + d.event() + " " + d.id()).close("form");
                h.close("td").close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        if (page.nextCursor() != null) h.open("nav", "class", "pager", "aria-label", "Pages")
                .el("a", "Older deliveries", "href", self + "?cursor=" + Links.query(page.nextCursor())).close("nav");
        Layout.write(ctx, 200, "Webhook deliveries", s, Links.crumbs(s, p, new Layout.Crumb("Webhooks", "/admin/p/" + p + "/webhooks"),
                new Layout.Crumb("Deliveries", null)), h);
    }
}
