package dev.vellum.query;

import dev.vellum.schema.BooleanType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.DateType;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.TextType;

/**
 * What a filter condition reads: a system attribute ({@code field} null) or a field, either of the
 * listed entry or, when {@code via} is set, of the entry that a reference field points at.
 * {@code path} is how the filter wrote it.
 */
public record Attribute(String path, String name, FieldType type, Field field, Via via) {

    /** The reference field followed and the collection it points at. */
    public record Via(Field reference, CollectionSchema target) {}

    public static Attribute system(String path, String name, Via via) {
        FieldType type = switch (name) {
            case "version" -> new NumberType(true, null, null);
            case "draft" -> new BooleanType();
            case "created_at", "updated_at", "publish_at" -> new DateType();
            default -> new TextType(null, null); // id, slug
        };
        return new Attribute(path, name, type, null, via);
    }

    public static Attribute field(String path, Field field, Via via) {
        return new Attribute(path, field.id(), field.type(), field, via);
    }

    /** The column that holds the value, in the listed collection's table or (via) the target's. */
    public String column() {
        return field == null ? name : field.column();
    }

    public ValueKind kind() {
        return ValueKind.of(type);
    }
}
