package dev.vellum.query;

import dev.vellum.schema.ArrayType;
import dev.vellum.schema.BooleanType;
import dev.vellum.schema.ColorType;
import dev.vellum.schema.DateType;
import dev.vellum.schema.EnumType;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.FileType;
import dev.vellum.schema.ImageType;
import dev.vellum.schema.LinkType;
import dev.vellum.schema.MultiEnumType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.ReferenceType;
import dev.vellum.schema.ReferencesType;
import dev.vellum.schema.RichTextType;
import dev.vellum.schema.TextType;

/** How the filter language sees a field type: which operators apply and which literal it takes. */
public enum ValueKind {
    /** text, enum, color, link, reference, id, slug: {@code = != < <= > >= ~ in}. */
    TEXT,
    /** number, version: {@code = != < <= > >= in}. */
    NUMBER,
    /** boolean, draft: {@code = != in}. */
    BOOLEAN,
    /** date, created_at, updated_at, publish_at: {@code = != < <= > >= in}, written as strings. */
    DATE,
    /** multi_enum, references, array of a scalar type: {@code ~} (has element) and {@code in} (has any). */
    LIST,
    /** rich_text, image, file, array of those: only {@code is null} / {@code is not null}. */
    DOCUMENT;

    public static ValueKind of(FieldType type) {
        return switch (type) {
            case TextType t -> TEXT;
            case EnumType t -> TEXT;
            case ColorType t -> TEXT;
            case LinkType t -> TEXT;
            case ReferenceType t -> TEXT;
            case NumberType t -> NUMBER;
            case BooleanType t -> BOOLEAN;
            case DateType t -> DATE;
            case MultiEnumType t -> LIST;
            case ReferencesType t -> LIST;
            case ArrayType a -> of(a.of()) == DOCUMENT || of(a.of()) == LIST ? DOCUMENT : LIST;
            case RichTextType t -> DOCUMENT;
            case ImageType t -> DOCUMENT;
            case FileType t -> DOCUMENT;
        };
    }

    /** The type of a list's elements ({@code LIST} kinds only). */
    public static FieldType element(FieldType type) {
        return switch (type) {
            case MultiEnumType m -> new EnumType(m.options());
            case ReferencesType r -> new ReferenceType(r.collection());
            case ArrayType a -> a.of();
            default -> throw new IllegalArgumentException(type.name() + " is not a list");
        };
    }
}
