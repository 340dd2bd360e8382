package dev.vellum.importers.wordpress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.importers.ImportTarget;
import dev.vellum.importers.MediaResolver.Rehosted;
import dev.vellum.importers.wordpress.WxrRecord.Author;
import dev.vellum.importers.wordpress.WxrRecord.Item;
import dev.vellum.importers.wordpress.WxrRecord.Term;
import dev.vellum.richtext.RichText;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Turns WordPress records into entry bodies ({@code slug}, {@code draft}, {@code publish_at}, {@code fields}). */
final class WordPressEntries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FORMATS = Set.of("standard", "aside", "chat", "gallery", "link", "image", "quote", "status", "video", "audio");

    private WordPressEntries() {}

    static ObjectNode author(Author a, ImportTarget target) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("name", a.displayName() == null || a.displayName().isBlank() ? a.login() : a.displayName());
        f.put("login", a.login());
        putText(f, "email", a.email());
        putText(f, "first_name", a.firstName());
        putText(f, "last_name", a.lastName());
        String slug = dev.vellum.content.Slugs.fromText(a.login());
        return entry(slug.isEmpty() ? null : slug, false, null, target.fields(f));
    }

    static ObjectNode term(Term t, String parentId, ImportTarget target) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("name", t.name().isBlank() ? t.slug() : t.name());
        putText(f, "description", t.description());
        if (parentId != null) f.put("parent", parentId);
        if (t.id() > 0) f.put("wordpress_id", t.id());
        return entry(WordPressIndex.termSlug(t), false, null, target.fields(f));
    }

    /** References resolved by the caller: author, categories and tags (entry ids), parent page. */
    record Refs(String author, Iterable<String> categories, Iterable<String> tags, String parent) {}

    /**
     * A post or page. {@code html} is the post content with media and links already rewritten;
     * {@code featured} the re-hosted featured image (or the original URL when it could not be fetched).
     */
    static ObjectNode content(Item i, WordPressIndex.Content meta, String html, Refs refs, String featuredUrl, String featuredAlt,
                              ImportTarget target) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("title", i.title());
        f.set("body", RichText.toJson(RichText.fromWordPress(html).document()));
        putText(f, "excerpt", i.excerpt());
        if (refs.author() != null) f.put("author", refs.author());
        ArrayNode cats = f.putArray("categories");
        refs.categories().forEach(cats::add);
        ArrayNode tags = f.putArray("tags");
        refs.tags().forEach(tags::add);
        if (featuredUrl != null) {
            ObjectNode img = f.putObject("featured_image").put("url", featuredUrl);
            if (featuredAlt != null && !featuredAlt.isBlank()) img.put("alt", featuredAlt);
        }
        f.put("format", i.format() != null && FORMATS.contains(i.format()) ? i.format() : "standard");
        f.put("sticky", i.sticky());
        f.put("visibility", i.status().equals("private") ? "private" : i.password() != null ? "password" : "public");
        f.put("comment_count", i.commentCount());
        if (!i.customFields().isEmpty()) f.put("custom_fields", JSON.valueToTree(i.customFields()).toString());
        if (i.date() != null) f.put("published_at", i.date().toString());
        if (i.modified() != null) f.put("modified_at", i.modified().toString());
        if (i.link() != null && (i.link().startsWith("http://") || i.link().startsWith("https://"))) f.put("original_url", i.link());
        f.put("wordpress_id", i.id());
        if (i.isPage()) {
            if (refs.parent() != null) f.put("parent", refs.parent());
            f.put("menu_order", i.menuOrder());
        }
        boolean scheduled = i.status().equals("future") && i.date() != null && i.date().isAfter(Instant.now());
        boolean live = i.status().equals("publish") || (i.status().equals("future") && !scheduled);
        return entry(meta.slug(), !live, scheduled ? i.date().toString() : null, target.fields(f));
    }

    /** A featured image: re-hosted when it could be, else its original URL. */
    static String featuredUrl(WordPressIndex.Attachment a, Map<String, Rehosted> media) {
        if (a == null) return null;
        Rehosted r = media.get(a.url());
        return r != null ? r.url() : a.url();
    }

    static String rewriteHtml(String html, Map<String, Rehosted> media, Function<String, String> links) {
        return WordPressHtml.rewrite(html, media, links);
    }

    private static ObjectNode entry(String slug, boolean draft, String publishAt, ObjectNode fields) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        if (slug != null) e.put("slug", slug);
        e.put("draft", draft);
        if (publishAt != null) e.put("publish_at", publishAt);
        else e.putNull("publish_at");
        e.set("fields", fields);
        return e;
    }

    private static void putText(ObjectNode f, String key, String value) {
        if (value != null && !value.isBlank()) f.put(key, value);
    }
}
