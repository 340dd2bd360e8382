package dev.vellum.changes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of a change, the same in {@code GET …/changes}, the live stream and webhook payloads. */
public final class ChangeJson {
    private ChangeJson() {}

    public static ObjectNode render(Change c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("seq", c.seq()).put("kind", c.kind()).put("collection", c.collection());
        if (c.entryId() != null) o.put("entry_id", c.entryId());
        if (c.version() != null) o.put("version", c.version());
        o.put("at", c.at());
        o.set("data", c.data());
        return o;
    }
}
