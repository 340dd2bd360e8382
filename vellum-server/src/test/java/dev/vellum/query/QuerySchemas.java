package dev.vellum.query;

import dev.vellum.schema.ArrayType;
import dev.vellum.schema.BooleanType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.ColorType;
import dev.vellum.schema.DateType;
import dev.vellum.schema.EnumType;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.ImageType;
import dev.vellum.schema.MultiEnumType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.ReferenceType;
import dev.vellum.schema.ReferencesType;
import dev.vellum.schema.RichTextType;
import dev.vellum.schema.TextType;
import java.util.List;
import java.util.Optional;

/** Schemas for filter unit tests, built in memory: posts with every kind of field, and categories. */
final class QuerySchemas {
    static final CollectionSchema CATEGORIES = collection(2, "categories",
            field("name", new TextType(null, null)), field("rank", new NumberType(true, null, null)));

    static final CollectionSchema POSTS = collection(1, "posts",
            field("title", new TextType(120, null)),
            field("views", new NumberType(true, 0d, null)),
            field("score", new NumberType(false, null, null)),
            field("featured", new BooleanType()),
            field("published", new DateType()),
            field("status", new EnumType(List.of("draft", "live"))),
            field("tags", new MultiEnumType(List.of("a", "b", "c"))),
            field("color", new ColorType()),
            field("category", new ReferenceType("categories")),
            field("related", new ReferencesType("posts")),
            field("lost", new ReferenceType("nowhere")),
            field("ranks", new ArrayType(new NumberType(true, null, null), null)),
            field("cover", new ImageType()),
            field("body", new RichTextType()));

    static final CollectionLookup LOOKUP = id -> switch (id) {
        case "posts" -> Optional.of(POSTS);
        case "categories" -> Optional.of(CATEGORIES);
        default -> Optional.empty();
    };

    private QuerySchemas() {}

    static Filter check(String filter) {
        return FilterChecker.parse(filter, POSTS, LOOKUP);
    }

    private static Field field(String id, FieldType type) {
        return new Field(id, id, type, false, false, null);
    }

    private static CollectionSchema collection(long pk, String id, Field... fields) {
        return new CollectionSchema(pk, "p", id, id, null, null, List.of(fields), 1, "2024-01-01T00:00:00.000Z",
                "2024-01-01T00:00:00.000Z");
    }
}
