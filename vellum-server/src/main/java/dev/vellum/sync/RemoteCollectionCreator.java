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
 * mapping suggestion reads back as the same type. Many-to-one fields get their relation, and
 * many-to-many fields an alias with a junction collection ({@code <collection>_<field>}) and its two
 * relations, where the target collection has a connection of its own; fields Directus cannot hold this
 * way are reported.
 */
final class RemoteCollectionCreator {
    /** The fields that were not created, with why. */
    record Created(List<String> skipped) {}

    private RemoteCollectionCreator() {}

    /** @param remoteOf the Directus collection a Vellum collection is connected to, or null */
    static Created create(DirectusClient client, CollectionSchema schema, String remote, Function<String, String> remoteOf) {
        List<String> skipped = new ArrayList<>();
        List<ObjectNode> relations = new ArrayList<>();
        List<Junction> junctions = new ArrayList<>();
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
            if (f.type() instanceof ReferencesType t) {
                String related = remoteOf.apply(t.collection());
                if (related == null) skipped.add(f.id() + ": collection '" + t.collection() + "' has no Directus connection yet (connect it first)");
                else junctions.add(new Junction(f.id(), related, remote + "_" + f.id()));
                continue;
            }
            ObjectNode spec = field(f, remoteOf, relations, remote, skipped);
            if (spec != null) fields.add(spec);
        }
        List<String> made = new ArrayList<>();
        try {
            client.createCollection(body);
            made.add(remote);
            for (ObjectNode r : relations) client.createRelation(r);
            for (Junction j : junctions) manyToMany(client, remote, j, made);
        } catch (DirectusException e) { // e.g. the free tier's collection limit reached half-way: take back what was made
            for (String c : made.reversed()) {
                try {
                    client.deleteCollection(c);
                } catch (DirectusException ignored) {
                    // best effort: the failure that stopped the creation is what the caller hears
                }
            }
            throw e;
        }
        return new Created(skipped);
    }

    /** A many-to-many field to make: the alias on the new collection, the related Directus collection, the junction's name. */
    private record Junction(String field, String related, String junction) {}

    /**
     * The alias field, a junction collection with a key to each side (the related key of the related
     * collection's key type), and the two relations Directus reads the many-to-many from. Junction rows
     * of items deleted on either side go with them; rows dropped from the list are deleted, not orphaned.
     */
    private static void manyToMany(DirectusClient client, String remote, Junction j, List<String> made) {
        ObjectNode alias = SyncJson.JSON.createObjectNode().put("field", j.field()).put("type", "alias");
        alias.putObject("meta").put("interface", "list-m2m").putArray("special").add("m2m");
        client.createField(remote, alias);
        String self = remote + "_id";
        String other = j.related() + "_id";
        if (other.equals(self)) other = "related_" + other; // a collection related to itself
        ObjectNode junction = SyncJson.JSON.createObjectNode().put("collection", j.junction());
        junction.putObject("meta").put("hidden", true).put("icon", "import_export")
                .put("note", "junction of " + remote + "." + j.field() + ", created by Vellum");
        junction.putObject("schema");
        ArrayNode fields = junction.putArray("fields");
        ObjectNode id = fields.addObject().put("field", "id").put("type", "integer");
        id.putObject("meta").put("hidden", true);
        id.putObject("schema").put("is_primary_key", true).put("has_auto_increment", true);
        ObjectNode selfKey = fields.addObject().put("field", self).put("type", "integer");
        selfKey.putObject("meta").put("hidden", true);
        selfKey.putObject("schema");
        ObjectNode otherKey = fields.addObject().put("field", other).put("type", keyType(client, j.related()));
        otherKey.putObject("meta").put("hidden", true);
        otherKey.putObject("schema");
        client.createCollection(junction);
        made.add(j.junction()); // taken back (in reverse) before the collection it points at
        ObjectNode back = relation(j.junction(), self, remote);
        back.putObject("meta").put("one_field", j.field()).put("junction_field", other).put("one_deselect_action", "delete");
        ((ObjectNode) back.get("schema")).put("on_delete", "CASCADE");
        client.createRelation(back);
        ObjectNode to = relation(j.junction(), other, j.related());
        to.putObject("meta").put("junction_field", self);
        ((ObjectNode) to.get("schema")).put("on_delete", "CASCADE");
        client.createRelation(to);
    }

    /** The Directus type of a collection's primary key (integer unless Directus says otherwise). */
    private static String keyType(DirectusClient client, String collection) {
        for (com.fasterxml.jackson.databind.JsonNode f : client.fields(collection)) {
            if (f.path("schema").path("is_primary_key").asBoolean(false)) return f.path("type").asText("integer");
        }
        return "integer";
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
                return null; // made after the collection, with its junction
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
