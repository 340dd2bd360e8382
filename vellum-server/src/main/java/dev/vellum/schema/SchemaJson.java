package dev.vellum.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of collections and fields, as the API shows and stores them. */
public final class SchemaJson {
    private SchemaJson() {}

    public static ObjectNode collection(CollectionSchema c) {
        ObjectNode out = definition(c.definition());
        out.put("version", c.version());
        out.put("created_at", c.createdAt());
        out.put("updated_at", c.updatedAt());
        return out;
    }

    public static ObjectNode definition(CollectionDefinition d) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", d.id());
        out.put("name", d.name());
        if (d.description() != null) out.put("description", d.description());
        if (d.slugFrom() != null) out.put("slug_from", d.slugFrom());
        ArrayNode fields = out.putArray("fields");
        for (Field f : d.fields()) fields.add(field(f));
        return out;
    }

    public static ObjectNode field(Field f) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", f.id());
        out.put("name", f.name());
        out.put("type", f.type().name());
        out.put("required", f.required());
        out.put("unique", f.unique());
        if (f.description() != null) out.put("description", f.description());
        if (f.help() != null) out.put("help", f.help());
        if (f.defaultValue() != null) out.set("default", f.defaultValue());
        if (!f.searchable()) out.put("searchable", false); // searchable is the default: said only when off
        f.type().writeOptions(out);
        return out;
    }
}
