package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON forms of sync's records, as stored and as the API shows them (snake_case keys). */
public final class SyncJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private SyncJson() {}

    public static ObjectNode connection(Connection c, String hookUrl) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.id()).put("kind", "directus").put("collection", c.collection()).put("url", c.url())
                .put("remote_collection", c.remoteCollection()).put("id_field", c.idField()).put("slug_field", c.slugField());
        o.set("mapping", mapping(c.mapping()));
        options(o, c.options());
        o.put("token_set", true);
        if (hookUrl != null) o.put("hook_url", hookUrl);
        o.put("pull_marker", c.pullMarker()).put("push_seq", c.pushSeq());
        o.put("created_at", c.createdAt()).put("updated_at", c.updatedAt());
        return o;
    }

    public static ObjectNode conflict(Conflict c) {
        ObjectNode o = JSON.createObjectNode().put("id", c.id()).put("entry_id", c.entryId()).put("remote_id", c.remoteId())
                .put("slug", c.slug()).put("status", c.status()).put("resolution", c.resolution());
        c.fields().forEach(o.putArray("fields")::add);
        o.set("base", c.base());
        o.set("vellum", c.vellum());
        o.set("directus", c.directus());
        o.put("created_at", c.createdAt()).put("resolved_at", c.resolvedAt());
        return o;
    }

    static void options(ObjectNode o, SyncOptions s) {
        o.put("always_overwrite", s.alwaysOverwrite()).put("conflicts", s.conflicts()).put("deletes", s.deletes())
                .put("assets", s.assets()).put("schedule_minutes", s.scheduleMinutes()).put("live", s.live());
    }

    static ObjectNode options(SyncOptions s) {
        ObjectNode o = JSON.createObjectNode();
        options(o, s);
        return o;
    }

    static SyncOptions options(JsonNode o) {
        return new SyncOptions(o.path("always_overwrite").asBoolean(false), o.path("conflicts").asText("field"),
                o.path("deletes").asBoolean(false), o.path("assets").asText("url"),
                o.hasNonNull("schedule_minutes") ? o.get("schedule_minutes").asInt() : null, o.path("live").asBoolean(false));
    }

    public static ArrayNode mapping(List<FieldMap> mapping) {
        ArrayNode a = JSON.createArrayNode();
        for (FieldMap m : mapping) {
            ObjectNode row = a.addObject().put("field", m.field()).put("remote", m.remote());
            if (m.format() != null) row.put("format", m.format());
            row.put("ignore", m.ignore());
        }
        return a;
    }

    static List<FieldMap> mapping(JsonNode a) {
        List<FieldMap> out = new ArrayList<>();
        a.forEach(r -> out.add(new FieldMap(r.path("field").asText(), r.path("remote").asText(null), r.path("format").asText(null),
                r.path("ignore").asBoolean(false))));
        return out;
    }

    public static ObjectNode remoteField(RemoteField f) {
        ObjectNode o = JSON.createObjectNode().put("field", f.field()).put("type", f.type()).put("interface", f.iface());
        f.special().forEach(o.putArray("special")::add);
        if (!f.choices().isEmpty()) f.choices().forEach(o.putArray("choices")::add);
        if (f.primaryKey()) o.put("primary_key", true);
        if (f.relation() != null) {
            var r = f.relation();
            ObjectNode rel = o.putObject("relation").put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT)).put("related", r.related());
            if (r.junction() != null) rel.put("junction", r.junction()).put("junction_self", r.junctionSelf()).put("junction_field", r.junctionField());
        }
        return o;
    }

    static ArrayNode remoteFields(List<RemoteField> fields) {
        ArrayNode a = JSON.createArrayNode();
        fields.forEach(f -> a.add(remoteField(f)));
        return a;
    }

    static List<RemoteField> remoteFields(JsonNode a) {
        List<RemoteField> out = new ArrayList<>();
        for (JsonNode o : a) {
            List<String> special = new ArrayList<>();
            o.path("special").forEach(s -> special.add(s.asText()));
            List<String> choices = new ArrayList<>();
            o.path("choices").forEach(s -> choices.add(s.asText()));
            RemoteField.Relation rel = null;
            JsonNode r = o.get("relation");
            if (r != null) {
                rel = new RemoteField.Relation(RemoteField.Relation.Kind.valueOf(r.path("kind").asText().toUpperCase(java.util.Locale.ROOT)),
                        r.path("related").asText(null), r.path("junction").asText(null), r.path("junction_self").asText(null),
                        r.path("junction_field").asText(null));
            }
            out.add(new RemoteField(o.path("field").asText(), o.path("type").asText(), o.path("interface").asText(null), special,
                    o.path("primary_key").asBoolean(false), choices, rel));
        }
        return out;
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
