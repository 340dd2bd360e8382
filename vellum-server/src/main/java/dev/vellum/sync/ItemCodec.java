package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.InvalidValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns both sides' items into the values sync compares and merges (Vellum field id → normalised
 * value, plus {@code $slug}) and back into what each side's API takes.
 */
final class ItemCodec {
    static final String SLUG = "$slug";

    private final Connection connection;
    private final CollectionSchema schema;
    private final ValueConverter converter;
    private final List<Row> rows = new ArrayList<>();

    /** A mapping row with the Vellum field and the Directus field it joins. */
    record Row(FieldMap map, Field field, RemoteField remote) {}

    ItemCodec(Connection connection, CollectionSchema schema, ValueConverter converter) {
        this.connection = connection;
        this.schema = schema;
        this.converter = converter;
        for (FieldMap m : connection.active()) {
            Field f = schema.field(m.field()).orElse(null);
            if (f == null || m.remote() == null) continue; // the field was removed since: nothing to sync
            rows.add(new Row(m, f, connection.remoteField(m.remote()).orElse(null)));
        }
    }

    List<Row> rows() {
        return rows;
    }

    /** The Directus fields to ask for: every field, plus the related key of each many-to-many row. */
    String remoteFields() {
        StringBuilder sb = new StringBuilder("*");
        for (Row r : rows) {
            if (r.remote() != null && r.remote().relation() != null && r.remote().relation().kind() == RemoteField.Relation.Kind.M2M) {
                sb.append(',').append(r.map().remote()).append('.').append(r.remote().relation().junctionField());
            }
        }
        return sb.toString();
    }

    String primaryKey() {
        return connection.remoteFields().stream().filter(RemoteField::primaryKey).map(RemoteField::field).findFirst().orElse("id");
    }

    /** The key that links a Directus item: the configured id field (by default the primary key). */
    String remoteId(JsonNode item) {
        JsonNode v = item.get(connection.idField());
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Directus' modification marker of an item: date_updated, else date_created, else a hash of its content. */
    String marker(JsonNode item) {
        String updated = connection.updatedField();
        if (updated != null && item.hasNonNull(updated)) return item.get(updated).asText();
        String created = connection.createdField();
        if (created != null && item.hasNonNull(created)) return item.get(created).asText();
        return hash(item);
    }

    /** The values of a rendered Vellum entry. */
    ObjectNode local(JsonNode entry) {
        ObjectNode out = SyncJson.JSON.createObjectNode();
        JsonNode fields = entry.path("fields");
        for (Row r : rows) {
            JsonNode v = fields.get(r.field().id());
            out.set(r.field().id(), v == null ? NullNode.getInstance() : fileIdentity(r.field(), v));
        }
        if (connection.slugField() != null) out.put(SLUG, entry.path("slug").asText(null));
        return canonical(out);
    }

    /**
     * An image or file compares by what it is (its asset or URL), not by the alt text, size or name Vellum
     * keeps beside it and Directus does not: those stay as they are unless the file itself changes.
     */
    private static JsonNode fileIdentity(Field f, JsonNode v) {
        if (!(f.type() instanceof dev.vellum.schema.ImageType || f.type() instanceof dev.vellum.schema.FileType) || !v.isObject()) return v;
        ObjectNode out = SyncJson.JSON.createObjectNode();
        if (v.has("asset")) out.set("asset", v.get("asset"));
        else if (v.has("url")) out.set("url", v.get("url"));
        return out;
    }

    /** The values of a Directus item, converted and normalised as Vellum would keep them. */
    ObjectNode remote(JsonNode item) throws ValueConverter.Unconvertible {
        ObjectNode out = SyncJson.JSON.createObjectNode();
        for (Row r : rows) {
            JsonNode raw = converter.toVellum(r.field(), r.map(), r.remote(), item.get(r.map().remote()));
            try {
                out.set(r.field().id(), raw.isNull() ? raw : r.field().type().normalize(raw));
            } catch (InvalidValue e) {
                throw new ValueConverter.Unconvertible(r.field().id() + ": " + e.getMessage());
            }
        }
        if (connection.slugField() != null) {
            JsonNode s = item.get(connection.slugField());
            out.put(SLUG, s == null || s.isNull() ? null : s.asText());
        }
        return canonical(out);
    }

    /** A Vellum entry body (create or partial update) carrying {@code keys} of {@code values}. */
    ObjectNode entryBody(ObjectNode values, Iterable<String> keys) {
        ObjectNode body = SyncJson.JSON.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        for (String k : keys) {
            if (k.equals(SLUG)) {
                if (values.hasNonNull(SLUG)) body.put("slug", values.get(SLUG).asText());
            } else {
                fields.set(k, ThreeWayMerge.value(values, k));
            }
        }
        return body;
    }

    /** A Directus item (create or partial update) carrying {@code keys} of {@code values}. */
    ObjectNode remoteBody(ObjectNode values, Iterable<String> keys) throws ValueConverter.Unconvertible {
        ObjectNode body = SyncJson.JSON.createObjectNode();
        for (String k : keys) {
            if (k.equals(SLUG)) {
                if (connection.slugField() != null) body.set(connection.slugField(), ThreeWayMerge.value(values, SLUG));
                continue;
            }
            Row r = row(k);
            if (r == null) continue;
            body.set(r.map().remote(), converter.toDirectus(r.field(), r.map(), r.remote(), ThreeWayMerge.value(values, k)));
        }
        return body;
    }

    /** Every key sync compares. */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.field().id()));
        if (connection.slugField() != null) out.add(SLUG);
        return out;
    }

    private Row row(String fieldId) {
        for (Row r : rows) if (r.field().id().equals(fieldId)) return r;
        return null;
    }

    CollectionSchema schema() {
        return schema;
    }

    /** The same values with the node types JSON parsing gives (so 3 read from a column equals 3 parsed from text). */
    static ObjectNode canonical(ObjectNode o) {
        return (ObjectNode) SyncJson.parse(o.toString());
    }

    static String hash(JsonNode item) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(item.toString().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
