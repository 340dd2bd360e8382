package dev.vellum.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.BooleanType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.ColorType;
import dev.vellum.schema.DateType;
import dev.vellum.schema.EnumType;
import dev.vellum.schema.Field;
import dev.vellum.schema.FileType;
import dev.vellum.schema.ImageType;
import dev.vellum.schema.LinkType;
import dev.vellum.schema.MultiEnumType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.ReferenceType;
import dev.vellum.schema.ReferencesType;
import dev.vellum.schema.RichTextType;
import dev.vellum.schema.TextType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * "Create new": makes a Directus collection from a Vellum schema: an integer primary key, a unique
 * {@code slug}, {@code date_created}/{@code date_updated} with their {@code special} flags (the
 * change markers incremental sync relies on), and one field per Vellum field, with the interface the
 * mapping suggestion reads back as the same type. Many-to-one fields get their relation where the
 * target collection has a connection of its own; fields Directus cannot hold this way are reported.
 */
final class RemoteCollectionCreator {
    /** The fields that were not created, with why. */
    record Created(List<String> skipped) {}

    private RemoteCollectionCreator() {}

    /** @param remoteOf the Directus collection a Vellum collection is connected to, or null */
    static Created create(DirectusClient client, CollectionSchema schema, String remote, Function<String, String> remoteOf) {
        List<String> skipped = new ArrayList<>();
        List<ObjectNode> relations = new ArrayList<>();
        ObjectNode body = SyncJson.JSON.createObjectNode().put("collection", remote);
        body.putObject("meta").put("note", "created by Vellum from collection '" + schema.id() + "'");
        body.putObject("schema");
        ArrayNode fields = body.putArray("fields");
        ObjectNode id = fields.addObject().put("field", "id").put("type", "integer");
        id.putObject("meta").put("hidden", true).put("interface", "input").put("readonly", true);
        id.putObject("schema").put("is_primary_key", true).put("has_auto_increment", true);
        ObjectNode slug = fields.addObject().put("field", "slug").put("type", "string");
        slug.putObject("meta").put("interface", "input");
        slug.putObject("schema").put("is_unique", true).put("is_nullable", true);
        fields.add(system("date_created", "date-created"));
        fields.add(system("date_updated", "date-updated"));
        for (Field f : schema.fields()) {
            if (f.id().equals("slug") || f.id().equals("id") || f.id().startsWith("date_")) {
                skipped.add(f.id() + ": the name is taken by a Directus system field");
                continue;
            }
            ObjectNode spec = field(f, remoteOf, relations, remote, skipped);
            if (spec != null) fields.add(spec);
        }
        client.createCollection(body);
        for (ObjectNode r : relations) client.createRelation(r);
        return new Created(skipped);
    }

    private static ObjectNode system(String name, String special) {
        ObjectNode f = SyncJson.JSON.createObjectNode().put("field", name).put("type", "timestamp");
        ObjectNode meta = f.putObject("meta").put("interface", "datetime").put("readonly", true).put("hidden", true);
        meta.putArray("special").add(special);
        return f;
    }

    private static ObjectNode field(Field f, Function<String, String> remoteOf, List<ObjectNode> relations, String remote,
                                    List<String> skipped) {
        ObjectNode spec = SyncJson.JSON.createObjectNode().put("field", f.id());
        ObjectNode meta = spec.putObject("meta");
        if (f.description() != null) meta.put("note", f.description());
        meta.put("required", f.required());
        switch (f.type()) {
            case TextType t -> {
                spec.put("type", t.maxLength() != null && t.maxLength() <= 255 ? "string" : "text");
                meta.put("interface", "input");
            }
            case RichTextType t -> {
                spec.put("type", "text");
                meta.put("interface", "input-rich-text-html");
            }
            case NumberType t -> {
                spec.put("type", t.integer() ? "bigInteger" : "float");
                meta.put("interface", "input");
            }
            case BooleanType t -> {
                spec.put("type", "boolean");
                meta.put("interface", "boolean");
                meta.putArray("special").add("cast-boolean");
            }
            case DateType t -> {
                spec.put("type", "timestamp");
                meta.put("interface", "datetime");
            }
            case EnumType t -> {
                spec.put("type", "string");
                meta.put("interface", "select-dropdown");
                choices(meta, t.options());
            }
            case MultiEnumType t -> {
                spec.put("type", "json");
                meta.put("interface", "select-multiple-dropdown");
                meta.putArray("special").add("cast-json");
                choices(meta, t.options());
            }
            case ColorType t -> {
                spec.put("type", "string");
                meta.put("interface", "select-color");
            }
            case LinkType t -> {
                spec.put("type", "string");
                meta.put("interface", "input");
            }
            case ImageType t -> file(spec, meta, "file-image", remote, relations);
            case FileType t -> file(spec, meta, "file", remote, relations);
            case ArrayType t when t.of() instanceof TextType -> {
                spec.put("type", "json");
                meta.put("interface", "tags");
                meta.putArray("special").add("cast-json");
            }
            case ReferenceType t -> {
                String related = remoteOf.apply(t.collection());
                if (related == null) {
                    skipped.add(f.id() + ": collection '" + t.collection() + "' has no Directus connection yet (connect it first)");
                    return null;
                }
                spec.put("type", "integer");
                meta.put("interface", "select-dropdown-m2o");
                meta.putArray("special").add("m2o");
                relations.add(relation(remote, f.id(), related));
            }
            case ReferencesType t -> {
                skipped.add(f.id() + ": many-to-many fields are not created automatically; create the junction in Directus and map it");
                return null;
            }
            case ArrayType t -> {
                skipped.add(f.id() + ": arrays of " + t.of().name() + " have no Directus counterpart");
                return null;
            }
        }
        return spec;
    }

    private static void file(ObjectNode spec, ObjectNode meta, String iface, String remote, List<ObjectNode> relations) {
        spec.put("type", "uuid");
        meta.put("interface", iface);
        meta.putArray("special").add("file");
        relations.add(relation(remote, spec.get("field").asText(), "directus_files"));
    }

    private static ObjectNode relation(String collection, String field, String related) {
        ObjectNode r = SyncJson.JSON.createObjectNode().put("collection", collection).put("field", field).put("related_collection", related);
        r.putObject("schema").put("on_delete", "SET NULL");
        return r;
    }

    private static void choices(ObjectNode meta, List<String> options) {
        ArrayNode c = meta.putObject("options").putArray("choices");
        options.forEach(o -> c.addObject().put("text", o).put("value", o));
    }
}
