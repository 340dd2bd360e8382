package dev.vellum.sync;

import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.RichTextType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Suggests Vellum types for Directus fields (the table in docs/sync-directus.md) and a mapping
 * between a Vellum collection and a Directus one: fields of the same name, system fields left out.
 */
public final class MappingSuggester {
    /** Fields Directus maintains itself; never mapped (date_updated is the change marker). */
    static final Set<String> SYSTEM_SPECIALS = Set.of("date-created", "date-updated", "user-created", "user-updated", "uuid");

    private MappingSuggester() {}

    /** A suggestion for one Directus field: the Vellum type, and for rich text the format. Null type: not syncable. */
    public record Suggestion(String type, String format, String of) {}

    public static Suggestion suggest(RemoteField f) {
        if (f.relation() != null) {
            return switch (f.relation().kind()) {
                case FILE -> new Suggestion("file-image".equals(f.iface()) ? "image" : "file", null, null);
                case M2O -> new Suggestion("reference", null, null);
                case M2M -> "directus_files".equals(f.relation().related()) ? new Suggestion(null, null, null)
                        : new Suggestion("references", null, null);
            };
        }
        String iface = f.iface() == null ? "" : f.iface();
        return switch (f.type()) {
            case "string", "text", "uuid", "hash" -> switch (iface) {
                case "input-rich-text-html" -> new Suggestion("rich_text", "html", null);
                case "input-rich-text-md", "input-markdown" -> new Suggestion("rich_text", "markdown", null);
                case "select-color" -> new Suggestion("color", null, null);
                case "select-dropdown", "select-radio" -> f.choices().isEmpty() ? new Suggestion("text", null, null)
                        : new Suggestion("enum", null, null);
                default -> new Suggestion("text", null, null);
            };
            case "integer", "bigInteger", "float", "decimal" -> new Suggestion("number", null, null);
            case "boolean" -> new Suggestion("boolean", null, null);
            case "date", "dateTime", "timestamp" -> new Suggestion("date", null, null);
            case "time" -> new Suggestion("text", null, null);
            case "json", "csv" -> switch (iface) {
                case "select-multiple-dropdown", "select-multiple-checkbox", "select-multiple-checkbox-tree" ->
                        new Suggestion("multi_enum", null, null);
                case "tags" -> new Suggestion("array", null, "text");
                default -> "csv".equals(f.type()) ? new Suggestion("array", null, "text") : new Suggestion(null, null, null);
            };
            default -> new Suggestion(null, null, null);
        };
    }

    /** Whether a Directus field is maintained by Directus (primary key, dates and users of changes). */
    static boolean system(RemoteField f) {
        return f.primaryKey() || f.special().stream().anyMatch(SYSTEM_SPECIALS::contains);
    }

    /**
     * One row per Vellum field: mapped to the Directus field of the same id where there is one and it
     * can carry the field's type; ignored otherwise. The slug field is a system attribute, not a row.
     */
    public static List<FieldMap> mapping(CollectionSchema vellum, List<RemoteField> remote) {
        List<FieldMap> out = new ArrayList<>();
        for (Field f : vellum.fields()) {
            RemoteField r = remote.stream().filter(x -> x.field().equals(f.id()) && !system(x)).findFirst().orElse(null);
            if (r == null) {
                out.add(new FieldMap(f.id(), null, null, true));
                continue;
            }
            Suggestion s = suggest(r);
            String format = f.type() instanceof RichTextType ? (s.format() != null ? s.format() : "html") : null;
            out.add(new FieldMap(f.id(), r.field(), format, s.type() == null));
        }
        return out;
    }
}
