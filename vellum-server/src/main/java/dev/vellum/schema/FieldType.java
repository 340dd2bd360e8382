package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.storage.Dialect.ColumnKind;

/**
 * A field type: how a value is validated and normalised, and how it is kept in a column.
 * Each type is one small record; {@link FieldTypes} reads and writes their JSON options.
 */
public sealed interface FieldType
        permits TextType, RichTextType, NumberType, BooleanType, DateType, EnumType, MultiEnumType,
                ImageType, FileType, ColorType, LinkType, ReferenceType, ReferencesType, ArrayType {

    /** The type's name in the API: {@code text}, {@code number}, … */
    String name();

    ColumnKind column();

    /** Validates a non-null JSON value and returns its normalised form. */
    JsonNode normalize(JsonNode value) throws InvalidValue;

    /** Writes the type's options (e.g. {@code max_length}) into a field's JSON. */
    void writeOptions(ObjectNode field);

    /** Whether a field of this type can be sorted on and indexed (scalars, not JSON values). */
    default boolean scalar() {
        return column() != ColumnKind.JSON;
    }

    /** The collection this type points at, for reference types. */
    default String targetCollection() {
        return null;
    }
}
