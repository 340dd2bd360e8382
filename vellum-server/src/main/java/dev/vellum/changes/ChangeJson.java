package dev.vellum.changes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of a change, the same in {@code GET …/changes}, the live stream and webhook payloads. */
public final class ChangeJson {
    static final ObjectMapper JSON = new ObjectMapper();

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

    /** The same shape written from a row of {@link ChangeRepository#scan} (no trees; data copied token by token). */
    static void write(java.sql.ResultSet rs, JsonGenerator g) throws java.sql.SQLException, IOException {
        g.writeStartObject();
        g.writeNumberField("seq", rs.getLong(1));
        g.writeStringField("kind", rs.getString(2));
        g.writeStringField("collection", rs.getString(3));
        String entryId = rs.getString(4);
        if (entryId != null) g.writeStringField("entry_id", entryId);
        long version = rs.getLong(5);
        if (!rs.wasNull()) g.writeNumberField("version", version);
        g.writeStringField("at", rs.getString(8));
        g.writeFieldName("data");
        String data = rs.getString(9);
        if (data == null) {
            g.writeNull();
        } else {
            try (JsonParser p = JSON.createParser(data)) {
                p.nextToken();
                g.copyCurrentStructure(p);
            }
        }
        g.writeEndObject();
    }
}
