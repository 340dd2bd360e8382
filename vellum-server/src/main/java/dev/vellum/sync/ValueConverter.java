package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vellum.richtext.Document;
import dev.vellum.richtext.RichText;
import dev.vellum.richtext.RichTextException;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.BooleanType;
import dev.vellum.schema.DateType;
import dev.vellum.schema.Field;
import dev.vellum.schema.FileType;
import dev.vellum.schema.ImageType;
import dev.vellum.schema.MultiEnumType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.ReferenceType;
import dev.vellum.schema.ReferencesType;
import dev.vellum.schema.RichTextType;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Converts one field's value between Directus' JSON and Vellum's: rich text as HTML or Markdown,
 * dates to and from UTC, booleans cast from SQLite's 1/0, decimals from Directus' strings, files as
 * Directus asset URLs or Vellum assets, many-to-one keys and many-to-many junction rows to entry ids through the
 * target collection's own connection. Values for Vellum are then normalised by the field's type.
 */
final class ValueConverter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMERIC_KEY = Pattern.compile("-?\\d{1,15}");

    /** Links between Vellum entries and Directus items, kept by each collection's connection. */
    interface Links {
        /** The Vellum entry in {@code collection} linked to Directus key {@code remoteId}. */
        String entryFor(String collection, String remoteId);

        /** The Directus key linked to entry {@code entryId} of {@code collection}. */
        String remoteFor(String collection, String entryId);
    }

    /** Files: Directus file ids ↔ Vellum assets or URLs, copying what the other side does not have yet. */
    interface Files {
        JsonNode toVellum(String fileId, boolean image) throws Unconvertible;

        String toDirectus(JsonNode value) throws Unconvertible;

        /** Stored rich text about to be sent: each image of an asset gets the URL Directus should show. */
        default JsonNode richTextOut(JsonNode doc) throws Unconvertible {
            return doc;
        }

        /** Pulled rich text (HTML or Markdown): images of this Directus' files become the URLs of their assets. */
        default String richTextIn(String text) throws Unconvertible {
            return text;
        }
    }

    /** A value that could not be converted; the item is reported, not written half. */
    static final class Unconvertible extends Exception {
        Unconvertible(String message) {
            super(message, null, false, false);
        }
    }

    private final Links links;
    private final Files files;

    ValueConverter(Links links, Files files) {
        this.links = links;
        this.files = files;
    }

    /** The Directus value of {@code r} as Vellum JSON (before the field type normalises it). */
    JsonNode toVellum(Field f, FieldMap m, RemoteField r, JsonNode v) throws Unconvertible {
        if (v == null || v.isNull() || v.isMissingNode()) return NullNode.getInstance();
        return switch (f.type()) {
            case RichTextType t -> NODES.objectNode().put("markdown".equals(m.format()) ? "markdown" : "html", files.richTextIn(v.asText()));
            case NumberType t -> v.isNumber() ? v : number(v.asText(), f);
            case BooleanType t -> v.isBoolean() ? v : BooleanNode.valueOf(v.isNumber() ? v.asInt() != 0 : truthy(v.asText()));
            case DateType t -> TextNode.valueOf(utc(v.asText(), r));
            case ImageType t -> file(v, r, true);
            case FileType t -> file(v, r, false);
            case ReferenceType t -> {
                String key = key(v, null);
                String entry = links.entryFor(t.collection(), key);
                if (entry == null) throw new Unconvertible(f.id() + ": Directus item " + key + " of " + relatedOf(r)
                        + " is not synced to collection '" + t.collection() + "' yet");
                yield TextNode.valueOf(entry);
            }
            case ReferencesType t -> {
                ArrayNode out = NODES.arrayNode();
                String jf = r != null && r.relation() != null ? r.relation().junctionField() : null;
                for (JsonNode row : v) {
                    String key = key(row, jf);
                    String entry = links.entryFor(t.collection(), key);
                    if (entry == null) throw new Unconvertible(f.id() + ": Directus item " + key + " of " + relatedOf(r)
                            + " is not synced to collection '" + t.collection() + "' yet");
                    out.add(entry);
                }
                yield out;
            }
            case MultiEnumType t -> list(v);
            case ArrayType t -> list(v);
            default -> v.isTextual() ? v : v.isValueNode() ? TextNode.valueOf(v.asText()) : TextNode.valueOf(v.toString());
        };
    }

    /** The Vellum value (normalised) as Directus JSON for {@code r}. */
    JsonNode toDirectus(Field f, FieldMap m, RemoteField r, JsonNode v) throws Unconvertible {
        if (v == null || v.isNull()) return NullNode.getInstance();
        return switch (f.type()) {
            case RichTextType t -> {
                try {
                    Document doc = RichText.fromJson(files.richTextOut(v));
                    yield TextNode.valueOf("markdown".equals(m.format()) ? RichText.toMarkdown(doc) : RichText.toHtml(doc));
                } catch (RichTextException e) {
                    throw new Unconvertible(f.id() + ": " + e.getMessage());
                }
            }
            case DateType t -> TextNode.valueOf(remoteDate(v.asText(), r));
            case ImageType t -> file(v, r);
            case FileType t -> file(v, r);
            case ReferenceType t -> {
                String key = links.remoteFor(t.collection(), v.asText());
                if (key == null) throw new Unconvertible(f.id() + ": entry " + v.asText() + " of '" + t.collection() + "' is not synced to Directus yet");
                yield typedKey(key);
            }
            case ReferencesType t -> {
                ArrayNode out = NODES.arrayNode();
                String jf = r != null && r.relation() != null ? r.relation().junctionField() : null;
                for (JsonNode id : v) {
                    String key = links.remoteFor(t.collection(), id.asText());
                    if (key == null) throw new Unconvertible(f.id() + ": entry " + id.asText() + " of '" + t.collection() + "' is not synced to Directus yet");
                    if (jf == null) out.add(typedKey(key));
                    else out.addObject().set(jf, typedKey(key));
                }
                yield out;
            }
            default -> v;
        };
    }

    private JsonNode file(JsonNode v, RemoteField r, boolean image) throws Unconvertible {
        if (r != null && r.relation() != null && r.relation().kind() == RemoteField.Relation.Kind.FILE) {
            return files.toVellum(v.isObject() ? v.path("id").asText() : v.asText(), image);
        }
        return v.isTextual() ? NODES.objectNode().put("url", v.asText()) : v;
    }

    private JsonNode file(JsonNode v, RemoteField r) throws Unconvertible {
        if (r != null && r.relation() != null && r.relation().kind() == RemoteField.Relation.Kind.FILE) {
            return TextNode.valueOf(files.toDirectus(v));
        }
        return TextNode.valueOf(v.path("url").asText());
    }

    private static String relatedOf(RemoteField r) {
        return r != null && r.relation() != null ? "'" + r.relation().related() + "'" : "the related collection";
    }

    private static String key(JsonNode v, String junctionField) {
        if (v.isObject()) {
            JsonNode k = junctionField != null ? v.get(junctionField) : v.get("id");
            if (k != null && k.isObject()) k = k.get("id");
            return k == null ? "" : k.asText();
        }
        return v.asText();
    }

    static JsonNode typedKey(String key) {
        return NUMERIC_KEY.matcher(key).matches() ? LongNode.valueOf(Long.parseLong(key)) : TextNode.valueOf(key);
    }

    private static JsonNode number(String s, Field f) throws Unconvertible {
        try {
            BigDecimal d = new BigDecimal(s.strip());
            return d.stripTrailingZeros().scale() <= 0 ? LongNode.valueOf(d.longValueExact()) : DecimalNode.valueOf(d);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Unconvertible(f.id() + ": '" + s + "' is not a number");
        }
    }

    private static boolean truthy(String s) {
        return s.equals("1") || s.equalsIgnoreCase("true");
    }

    private static JsonNode list(JsonNode v) {
        if (v.isArray()) return v;
        ArrayNode out = NODES.arrayNode();
        if (v.isTextual()) {
            for (String s : v.asText().split(",")) if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }

    /** Directus dates → Vellum: a date stays a date; a date-time without a zone (type dateTime) is taken as UTC. */
    static String utc(String s, RemoteField r) {
        if (s.length() <= 10) return s;
        boolean zoned = s.endsWith("Z") || s.matches(".*[+-]\\d{2}:?\\d{2}$");
        return zoned ? s : s + "Z";
    }

    /** Vellum dates (a date, or a UTC date-time) → what the Directus field type takes. */
    static String remoteDate(String s, RemoteField r) {
        String type = r == null ? "timestamp" : r.type();
        boolean dateOnly = s.length() == 10;
        return switch (type) {
            case "date" -> s.substring(0, 10);
            case "dateTime" -> dateOnly ? s + "T00:00:00" : s.replace("Z", "");
            default -> dateOnly ? s + "T00:00:00.000Z" : s;
        };
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }
}
