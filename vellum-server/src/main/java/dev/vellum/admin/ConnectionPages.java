package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.crypto.SecretBox;
import dev.vellum.error.VellumException;
import dev.vellum.http.Services;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SchemaJson;
import dev.vellum.sync.Connection;
import dev.vellum.sync.ConnectionService;
import dev.vellum.sync.SyncRun;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Directus connections, the plugin's flow as screens: connect (URL and token, checked at once), pick a
 * Directus collection or create a new one, map the fields, configure; later reconfigure or delete.
 * Between the steps the Directus token travels sealed (AES-GCM with the instance key) in the form,
 * never in plain text or a URL. Admin scope, like the API.
 */
final class ConnectionPages {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CREATE_NEW = "+new";

    private final Services services;
    private final SecretBox secrets;

    ConnectionPages(Services services, SecretBox secrets) {
        this.services = services;
        this.secrets = secrets;
    }

    void register(RoutesConfig routes, AdminRoutes admin) {
        String base = "/admin/p/{p}/connections";
        routes.get(base, admin.page((ctx, s) -> list(ctx, s, 200, Map.of(), null)));
        routes.post(base + "/connect", admin.action(this::connect));
        routes.post(base + "/pick", admin.action(this::pick));
        routes.post(base, admin.action(this::configureNew));
        routes.get(base + "/{id}/configure", admin.page((ctx, s) -> reconfigure(ctx, s, 200, null, null)));
        routes.post(base + "/{id}/configure", admin.action(this::saveConfiguration));
        routes.post(base + "/{id}/delete", admin.action((ctx, s) -> {
            String p = project(ctx, s);
            services.sync().delete(p, ctx.pathParam("id"));
            ctx.redirect(list(p) + "?done=" + Links.query("Connection deleted. Entries and Directus items stay as they are."), HttpStatus.SEE_OTHER);
        }));
    }

    static String project(Context ctx, Session s) {
        String p = ctx.pathParam("p");
        Access.require(s.principal(), p, Scope.ADMIN);
        return p;
    }

    static String list(String p) {
        return "/admin/p/" + p + "/connections";
    }

    static String connection(String p, String id) {
        return list(p) + "/" + id;
    }

    // --- step 1: connect ----------------------------------------------------------------------------

    private void list(Context ctx, Session s, int status, Map<String, String> errors, String error) {
        String p = project(ctx, s);
        ConnectionService sync = services.sync();
        List<Connection> connections = sync.list(p);
        Html h = new Html();
        Layout.notice(h, "ok", ctx.queryParam("done"));
        Layout.notice(h, "error", error);
        if (connections.isEmpty()) h.el("p", "No Directus connections yet.");
        else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("Vellum collection", "Directus", "Last sync", "Open conflicts")) h.el("th", c, "scope", "col");
            h.close("tr").close("thead").open("tbody");
            for (Connection c : connections) {
                List<SyncRun> last = sync.runs(p, c.id(), 1);
                int conflicts = sync.conflicts(p, c.id(), "open").size();
                h.open("tr").open("td").el("a", c.collection() + " \u2194 " + c.remoteCollection(), "href", connection(p, c.id())).close("td")
                        .el("td", c.url() + " \u00b7 " + c.remoteCollection(), "class", "mono")
                        .el("td", last.isEmpty() ? "never" : SyncPages.summary(last.getFirst()))
                        .el("td", conflicts, "class", "num").close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        Set<String> connected = new java.util.HashSet<>();
        connections.forEach(c -> connected.add(c.collection()));
        List<CollectionSchema> free = services.collections().list(p).stream().filter(c -> !connected.contains(c.id())).toList();
        h.el("h2", "Connect a collection to Directus");
        if (free.isEmpty()) {
            h.el("p", "Every collection of this project is connected already (or there is none yet).", "class", "muted");
        } else {
            h.open("form", "method", "post", "action", list(p) + "/connect", "class", "card", "autocomplete", "off");
            h.hidden(SessionCookies.CSRF_FIELD, s.csrf());
            String chosen = ctx.formParam("collection");
            String err = errors.get("collection");
            h.open("div", "class", err == null ? "field" : "field invalid").el("label", "Vellum collection", "for", "conn-collection")
                    .open("select", "id", "conn-collection", "name", "collection", "aria-invalid", err == null ? null : "true",
                            "aria-describedby", err == null ? null : "conn-collection-error");
            for (CollectionSchema c : free) h.el("option", c.name() + " (" + c.id() + ")", "value", c.id(), "selected", c.id().equals(chosen) ? "" : null);
            h.close("select").hints("conn-collection", null, err).close("div");
            h.field("Directus URL", "conn-url", "The address of the Directus instance, e.g. https://cms.example.com.", errors.get("url"),
                    "name", "url", "type", "url", "required", "", "value", ctx.formParam("url"));
            h.field("Directus access token", "conn-token", "A static token of a Directus user who can read and write the collection "
                    + "(Directus: Settings \u2192 Users \u2192 a user \u2192 Token). Stored encrypted, never shown again.", errors.get("token"),
                    "name", "token", "type", "password", "required", "");
            h.button("Connect", "type", "submit", "class", "primary").close("form");
        }
        Layout.write(ctx, status, "Directus connections", s, Links.crumbs(s, p, new Layout.Crumb("Directus connections", null)), h);
    }

    /** The token of a step: typed in (step 1) or carried sealed from the step before. */
    private String token(Context ctx) {
        String typed = ctx.formParam("token");
        if (typed != null && !typed.isBlank()) return typed.strip();
        String sealed = ctx.formParam("sealed");
        if (sealed == null || sealed.isBlank()) return null;
        try {
            return secrets.open(sealed);
        } catch (IllegalStateException e) {
            throw new VellumException.BadRequest("invalid_form", "The form's Directus token could not be read; connect again");
        }
    }

    private void connect(Context ctx, Session s) {
        String p = project(ctx, s);
        String collection = ctx.formParam("collection");
        String url = Forms.blankToNull(ctx.formParam("url"));
        String token = token(ctx);
        ObjectNode described;
        try {
            described = services.sync().probe(p, collection, url, token);
        } catch (VellumException.Invalid e) {
            list(ctx, s, 422, Forms.byField(e), e.errors().isEmpty() ? e.detail() : null);
            return;
        }
        CollectionSchema schema = services.collections().get(p, collection);
        Html h = new Html();
        Layout.notice(h, "ok", "Connected to Directus at " + url + ".");
        h.open("form", "method", "post", "action", list(p) + "/pick", "class", "card");
        carry(h, s, collection, url, token);
        h.open("fieldset").el("legend", "Directus collection to sync \u201c" + schema.name() + "\u201d with");
        boolean first = true;
        for (JsonNode c : described.path("collections")) {
            String name = c.path("collection").asText();
            h.open("div", "class", "checks").open("label", "for", "remote-" + name)
                    .open("input", "type", "radio", "id", "remote-" + name, "name", "remote", "value", name, "checked", first ? "" : null)
                    .text(name + " (" + c.path("fields").size() + " fields)").close("label").close("div");
            first = false;
        }
        h.open("div", "class", "checks").open("label", "for", "remote-new")
                .open("input", "type", "radio", "id", "remote-new", "name", "remote", "value", CREATE_NEW, "checked", first ? "" : null)
                .text("Create new: a Directus collection made from the Vellum fields").close("label").close("div");
        h.field("Name of the new Directus collection", "remote-new-name", "Used with \u201cCreate new\u201d.", null,
                "name", "new_name", "value", schema.id());
        h.close("fieldset");
        h.button("Next", "type", "submit", "class", "primary").close("form");
        Layout.write(ctx, 200, "Choose the Directus collection", s, Links.crumbs(s, p,
                new Layout.Crumb("Directus connections", list(p)), new Layout.Crumb("Connect", null)), h);
    }

    /** The hidden fields that carry the wizard from step to step. */
    private void carry(Html h, Session s, String collection, String url, String token) {
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf()).hidden("collection", collection).hidden("url", url).hidden("sealed", secrets.seal(token));
    }

    // --- step 2: pick or create new -------------------------------------------------------------------

    private void pick(Context ctx, Session s) {
        String p = project(ctx, s);
        String remote = ctx.formParam("remote");
        if (!CREATE_NEW.equals(remote)) {
            mapping(ctx, s, 200, remote, null, null);
            return;
        }
        ObjectNode body = MAPPER.createObjectNode().put("kind", "directus").put("collection", ctx.formParam("collection"))
                .put("url", ctx.formParam("url")).put("token", token(ctx)).put("remote_collection", Forms.blankToNull(ctx.formParam("new_name")))
                .put("create_remote", true);
        try {
            ConnectionService.Created created = services.sync().create(p, body);
            String done = "Created the Directus collection \u201c" + created.connection().remoteCollection() + "\u201d and connected it."
                    + (created.skippedFields().isEmpty() ? "" : " Fields not created in Directus: " + String.join(", ", created.skippedFields()) + ".");
            ctx.redirect(connection(p, created.connection().id()) + "?done=" + Links.query(done), HttpStatus.SEE_OTHER);
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            list(ctx, s, e.status(), Map.of(), Forms.message(e));
        }
    }

    // --- step 3: mapping, configure -----------------------------------------------------------------

    /** The mapping screen of a new connection; {@code posted} and {@code e}: a refused attempt to show again. */
    private void mapping(Context ctx, Session s, int status, String remote, ObjectNode posted, VellumException e) {
        String p = project(ctx, s);
        String collection = ctx.formParam("collection");
        String url = ctx.formParam("url");
        String token = token(ctx);
        CollectionSchema schema = services.collections().get(p, collection);
        JsonNode described = services.sync().probe(p, collection, url, token);
        JsonNode rc = MappingForm.collection(described, remote);
        if (rc == null) throw new VellumException.NotFound("remote_collection_not_found", "Directus has no collection '" + remote + "'");
        MappingForm.State st = posted != null ? MappingForm.posted(posted, Forms.byField(e))
                : new MappingForm.State(rc.path("mapping"), rc.path("id_field").asText(null), rc.path("slug_field").asText(null), false, "field",
                Map.of());
        Html h = new Html();
        if (e != null) Layout.notice(h, "error", Forms.message(e));
        h.el("p", "Vellum \u201c" + schema.name() + "\u201d \u2194 Directus \u201c" + remote + "\u201d at " + url + ".");
        h.open("form", "method", "post", "action", list(p), "class", "card");
        carry(h, s, collection, url, token);
        h.hidden("remote_collection", remote);
        MappingForm.render(h, schema, rc, st);
        h.button("Configure collection", "type", "submit", "class", "primary").close("form");
        h.open("form", "method", "post", "action", list(p) + "/connect");
        carry(h, s, collection, url, token);
        h.button("Back", "type", "submit").close("form");
        Layout.write(ctx, status, "Map the fields", s, Links.crumbs(s, p,
                new Layout.Crumb("Directus connections", list(p)), new Layout.Crumb("Map the fields", null)), h);
    }

    private void configureNew(Context ctx, Session s) {
        String p = project(ctx, s);
        String collection = ctx.formParam("collection");
        String remote = ctx.formParam("remote_collection");
        JsonNode rc = MappingForm.collection(services.sync().probe(p, collection, ctx.formParam("url"), token(ctx)), remote);
        ObjectNode body = null;
        try {
            CollectionSchema schema = addFields(p, collection, rc, ctx, s);
            body = MappingForm.read(ctx, schema, added(ctx, rc));
            body.put("kind", "directus").put("collection", collection).put("url", ctx.formParam("url")).put("token", token(ctx))
                    .put("remote_collection", remote);
            Connection c = services.sync().create(p, body).connection();
            ctx.redirect(connection(p, c.id()) + "?done=" + Links.query("Connected. Run a sync to bring the two sides together."),
                    HttpStatus.SEE_OTHER);
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            mapping(ctx, s, e.status(), remote, body == null ? MappingForm.read(ctx, services.collections().get(p, collection), List.of()) : body, e);
        }
    }

    /** Adds the Directus fields ticked on the mapping screen to the Vellum collection; the collection as it is then. */
    private CollectionSchema addFields(String p, String collection, JsonNode remote, Context ctx, Session s) {
        ArrayNode add = remote == null ? MAPPER.createArrayNode() : MappingForm.additions(ctx, remote);
        if (add.isEmpty()) return services.collections().get(p, collection);
        CollectionSchema current = services.collections().get(p, collection);
        ArrayNode fields = (ArrayNode) SchemaJson.definition(current.definition()).get("fields");
        fields.addAll(add);
        ObjectNode patch = MAPPER.createObjectNode();
        patch.set("fields", fields);
        return services.collections().update(p, collection, patch, s.tokenId());
    }

    private static List<String> added(Context ctx, JsonNode remote) {
        List<String> out = new ArrayList<>();
        if (remote != null) MappingForm.additions(ctx, remote).forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    // --- reconfigure --------------------------------------------------------------------------------

    private void reconfigure(Context ctx, Session s, int status, ObjectNode posted, VellumException e) {
        String p = project(ctx, s);
        Connection c = services.sync().get(p, ctx.pathParam("id"));
        CollectionSchema schema = services.collections().get(p, c.collection());
        Html h = new Html();
        if (e != null) Layout.notice(h, "error", Forms.message(e));
        boolean refresh = refreshed(ctx);
        JsonNode rc = null;
        try {
            rc = MappingForm.collection(remote(p, c.id(), refresh), c.remoteCollection());
        } catch (VellumException.Invalid unreachable) {
            Layout.notice(h, "error", "Directus cannot be asked for its fields now: " + unreachable.detail()
                    + " Change the URL or the token below.");
        }
        if (!refresh) {
            h.open("p", "class", "muted").text("The Directus fields as Directus described them when the connection was last configured. ")
                    .el("a", "Ask Directus again", "href", connection(p, c.id()) + "/configure?refresh=true").close("p");
        }
        Map<String, String> errors = e == null ? Map.of() : Forms.byField(e);
        h.open("form", "method", "post", "action", connection(p, c.id()) + "/configure", "class", "card", "autocomplete", "off");
        h.hidden(SessionCookies.CSRF_FIELD, s.csrf()).hidden("refresh", Boolean.toString(refresh));
        h.el("h2", "Directus");
        h.field("Directus URL", "conn-url", null, errors.get("url"), "name", "url", "type", "url", "required", "",
                "value", posted != null ? posted.path("url").asText(c.url()) : c.url());
        h.field("New access token", "conn-token", "Leave empty to keep the stored token.", errors.get("token"), "name", "token", "type", "password");
        h.el("p", "Directus collection: " + c.remoteCollection() + " (to sync with another one, delete this connection and connect again).",
                "class", "muted");
        if (rc != null) {
            h.hidden("mapped", "true");
            MappingForm.render(h, schema, rc, posted != null && posted.has("mapping") ? MappingForm.posted(posted, errors)
                    : new MappingForm.State(dev.vellum.sync.SyncJson.mapping(c.mapping()), c.idField(), c.slugField(),
                    c.options().alwaysOverwrite(), c.options().conflicts(), Map.of()));
        }
        h.button("Save configuration", "type", "submit", "class", "primary").close("form");
        Layout.write(ctx, status, "Reconfigure " + c.collection() + " \u2194 " + c.remoteCollection(), s, Links.crumbs(s, p,
                new Layout.Crumb("Directus connections", list(p)), new Layout.Crumb(c.collection() + " \u2194 " + c.remoteCollection(),
                        connection(p, c.id())), new Layout.Crumb("Reconfigure", null)), h);
    }

    /**
     * The Directus collection's fields for the reconfigure screen: as remembered (no call to Directus, so the screen is
     * as fast as the others), or asked again when the person wants the fields Directus has now.
     */
    private JsonNode remote(String p, String id, boolean refresh) {
        return refresh ? services.sync().remote(p, id) : services.sync().remembered(p, id);
    }

    private static boolean refreshed(Context ctx) {
        return "true".equals(ctx.queryParam("refresh")) || "true".equals(ctx.formParam("refresh"));
    }

    private void saveConfiguration(Context ctx, Session s) {
        String p = project(ctx, s);
        Connection c = services.sync().get(p, ctx.pathParam("id"));
        ObjectNode body = MAPPER.createObjectNode();
        try {
            if ("true".equals(ctx.formParam("mapped"))) {
                JsonNode rc = MappingForm.collection(remote(p, c.id(), refreshed(ctx)), c.remoteCollection());
                CollectionSchema schema = addFields(p, c.collection(), rc, ctx, s);
                body = MappingForm.read(ctx, schema, added(ctx, rc));
            }
            String url = Forms.blankToNull(ctx.formParam("url"));
            if (url != null && !url.equals(c.url())) body.put("url", url);
            String token = Forms.blankToNull(ctx.formParam("token"));
            if (token != null) body.put("token", token);
            services.sync().update(p, c.id(), body);
            ctx.redirect(connection(p, c.id()) + "?done=" + Links.query("Configuration saved."), HttpStatus.SEE_OTHER);
        } catch (VellumException.Invalid | VellumException.Conflict e) {
            if (!body.has("url")) body.put("url", ctx.formParam("url"));
            reconfigure(ctx, s, e.status(), body, e);
        }
    }
}
