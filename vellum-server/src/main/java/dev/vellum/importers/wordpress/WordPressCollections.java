package dev.vellum.importers.wordpress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.importers.ImportTarget;
import dev.vellum.schema.CollectionService;

/** The collections a WordPress import writes (authors, categories, tags, posts, pages), created when missing. */
public record WordPressCollections(ImportTarget authors, ImportTarget categories, ImportTarget tags, ImportTarget posts,
                                   ImportTarget pages) {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String AUTHORS = """
            {"id": "authors", "name": "Authors", "slug_from": "name", "fields": [
              {"id": "name", "type": "text", "required": true},
              {"id": "login", "type": "text"},
              {"id": "email", "type": "text"},
              {"id": "first_name", "type": "text"},
              {"id": "last_name", "type": "text"},
              {"id": "wordpress_id", "type": "number", "integer": true}]}""";
    private static final String CATEGORIES = """
            {"id": "categories", "name": "Categories", "slug_from": "name", "fields": [
              {"id": "name", "type": "text", "required": true},
              {"id": "description", "type": "text"},
              {"id": "parent", "type": "reference", "collection": "%s"},
              {"id": "wordpress_id", "type": "number", "integer": true}]}""";
    private static final String TAGS = """
            {"id": "tags", "name": "Tags", "slug_from": "name", "fields": [
              {"id": "name", "type": "text", "required": true},
              {"id": "description", "type": "text"},
              {"id": "wordpress_id", "type": "number", "integer": true}]}""";
    private static final String POSTS = """
            {"id": "%s", "name": "%s", "slug_from": "title", "fields": [
              {"id": "title", "type": "text"},
              {"id": "body", "type": "rich_text"},
              {"id": "excerpt", "type": "text"},
              {"id": "author", "type": "reference", "collection": "%s"},
              {"id": "categories", "type": "references", "collection": "%s"},
              {"id": "tags", "type": "references", "collection": "%s"},
              {"id": "featured_image", "type": "image"},
              {"id": "format", "type": "enum", "options": ["standard", "aside", "chat", "gallery", "link", "image", "quote", "status", "video", "audio"]},
              {"id": "sticky", "type": "boolean"},
              {"id": "visibility", "type": "enum", "options": ["public", "private", "password"]},
              {"id": "comment_count", "type": "number", "integer": true, "min": 0},
              {"id": "custom_fields", "type": "text", "description": "WordPress custom fields (postmeta without WordPress's own '_' keys) as a JSON object"},
              {"id": "published_at", "type": "date"},
              {"id": "modified_at", "type": "date"},
              {"id": "original_url", "type": "link"},
              {"id": "wordpress_id", "type": "number", "integer": true}%s]}""";
    private static final String PAGE_FIELDS = """
            ,
              {"id": "parent", "type": "reference", "collection": "%s"},
              {"id": "menu_order", "type": "number", "integer": true}""";

    /** Resolves {@code options.mapping} and creates what is missing, targets before the collections that refer to them. */
    public static WordPressCollections ensure(CollectionService collections, String projectId, JsonNode mapping) {
        ImportTarget authors = ImportTarget.ensure(collections, projectId, "authors", mapping, parse(AUTHORS));
        ImportTarget categories = ImportTarget.ensure(collections, projectId, "categories", mapping,
                parse(CATEGORIES.formatted(target(mapping, "categories"))));
        ImportTarget tags = ImportTarget.ensure(collections, projectId, "tags", mapping, parse(TAGS));
        String refs = "";
        ImportTarget posts = ImportTarget.ensure(collections, projectId, "posts", mapping, parse(POSTS.formatted("posts", "Posts",
                authors.collectionId(), categories.collectionId(), tags.collectionId(), refs)));
        ImportTarget pages = ImportTarget.ensure(collections, projectId, "pages", mapping, parse(POSTS.formatted("pages", "Pages",
                authors.collectionId(), categories.collectionId(), tags.collectionId(), PAGE_FIELDS.formatted(target(mapping, "pages")))));
        return new WordPressCollections(authors, categories, tags, posts, pages);
    }

    /** The collection id the mapping gives {@code kind} (for a self-reference in its own definition). */
    private static String target(JsonNode mapping, String kind) {
        JsonNode m = mapping == null ? null : mapping.get(kind);
        if (m != null && m.isTextual()) return m.textValue();
        if (m != null && m.isObject() && m.path("collection").isTextual()) return m.get("collection").textValue();
        return kind;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad built-in collection definition", e);
        }
    }
}
