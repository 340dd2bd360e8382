package dev.vellum.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.richtext.RichText;
import dev.vellum.richtext.RichTextException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import io.javalin.http.Context;

/**
 * Someone else saved the entry after this form was opened (the If-Match version no longer matches, 412).
 * Nothing was written. The page shows both versions side by side, the differing fields marked, and two
 * clear ways on: reload the latest version (dropping these edits), or save these edits over it.
 */
final class StaleEdit {
    private StaleEdit() {}

    static void page(Context ctx, Session s, CollectionSchema c, ObjectNode mine, EntryService.Rendered current) {
        String p = c.projectId();
        String url = Links.entry(p, c.id(), current.id());
        JsonNode theirs = current.body();
        Html h = new Html();
        Layout.notice(h, "error", "This entry was changed by someone else (now version " + current.version()
                + ") after you opened it. Your changes are not saved yet.");
        h.open("div", "class", "scroll").open("table", "class", "compare").open("thead").open("tr")
                .el("th", "Field", "scope", "col").el("th", "Your version", "scope", "col")
                .el("th", "Saved version " + current.version(), "scope", "col").close("tr").close("thead").open("tbody");
        row(h, "Slug", mine.get("slug"), theirs.get("slug"));
        row(h, "Draft", mine.get("draft"), theirs.get("draft"));
        for (Field f : c.fields()) {
            if (!mine.path("fields").has(f.id())) continue;
            row(h, f.name(), mine.path("fields").get(f.id()), theirs.path("fields").get(f.id()));
        }
        h.close("tbody").close("table").close("div");
        h.open("ul", "class", "actions");
        h.open("li").el("a", "Reload the saved version (drop my changes)", "href", url, "class", "button").close("li");
        h.open("li").open("form", "method", "post", "action", url + "/mine")
                .hidden(SessionCookies.CSRF_FIELD, s.csrf()).hidden("version", Long.toString(current.version()))
                .hidden("body", mine.toString())
                .button("Save my version over it", "type", "submit", "class", "primary").close("form").close("li");
        h.close("ul");
        Layout.write(ctx, 412, "Changed by someone else", s, Links.crumbs(s, p,
                new Layout.Crumb(c.name(), Links.entries(p, c.id())), new Layout.Crumb("Conflict", null)), h);
    }

    private static void row(Html h, String label, JsonNode mine, JsonNode theirs) {
        String a = show(mine);
        String b = show(theirs);
        boolean differs = !a.equals(b);
        h.open("tr", "class", differs ? "changed" : null).open("th", "scope", "row").text(label);
        if (differs) h.el("span", "differs", "class", "badge");
        h.close("th").el("td", a).el("td", b).close("tr");
    }

    /** A value as one line of text: rich text (HTML or the structured document) as its plain text. */
    static String show(JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (v.isTextual()) return v.textValue();
        if (v.isObject() && v.has("html")) return v.get("html").asText().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        if (v.isObject() && v.has("type") && v.has("content")) {
            try {
                return RichText.plainText(RichText.fromJson(v)).replaceAll("\\s+", " ").strip();
            } catch (RichTextException notADocument) {
                return v.toString();
            }
        }
        return v.toString();
    }
}
