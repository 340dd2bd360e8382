package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small shared checks for field values, so each type file states only its own rule. */
final class Values {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Values() {}

    static String text(JsonNode value, String what) throws InvalidValue {
        if (!value.isTextual()) throw new InvalidValue("type_mismatch", "must be " + what);
        return value.textValue();
    }

    /** A URL-bearing object ({@code image}, {@code file}); a bare URL string is accepted. */
    static ObjectNode urlObject(JsonNode value, String kind) throws InvalidValue {
        ObjectNode out = JSON.objectNode();
        if (value.isTextual()) {
            out.put("url", Urls.requireUrl(value.textValue(), true));
            return out;
        }
        if (!value.isObject()) throw new InvalidValue("type_mismatch", "must be a URL or an object with \"url\"");
        JsonNode url = value.get("url");
        if (url == null || !url.isTextual()) throw new InvalidValue("required", kind + " needs a \"url\" string");
        out.put("url", Urls.requireUrl(url.textValue(), true));
        return out;
    }

    /**
     * {@code {"asset": "<id>"}} (an uploaded asset of the project) when the object names one, else null.
     * The id is kept as given; that the asset exists is checked where entries are written.
     */
    static ObjectNode assetObject(JsonNode value, String kind) throws InvalidValue {
        if (!value.isObject() || !value.has("asset")) return null;
        JsonNode id = value.get("asset");
        if (!id.isTextual() || id.textValue().isBlank() || id.textValue().length() > 64) {
            throw new InvalidValue("type_mismatch", "\"asset\" must be an asset id");
        }
        if (value.has("url")) throw new InvalidValue("ambiguous", kind + " takes either \"asset\" or \"url\", not both");
        ObjectNode out = JSON.objectNode();
        out.put("asset", id.textValue());
        return out;
    }

    static void optionalText(JsonNode in, ObjectNode out, String key) throws InvalidValue {
        JsonNode v = in.get(key);
        if (v == null || v.isNull()) return;
        if (!v.isTextual()) throw new InvalidValue("type_mismatch", "\"" + key + "\" must be a string");
        out.put(key, v.textValue());
    }

    static void optionalCount(JsonNode in, ObjectNode out, String key) throws InvalidValue {
        JsonNode v = in.get(key);
        if (v == null || v.isNull()) return;
        if (!v.canConvertToExactIntegral() || v.asLong() < 0) {
            throw new InvalidValue("type_mismatch", "\"" + key + "\" must be a whole number ≥ 0");
        }
        out.put(key, v.asLong());
    }

    static void rejectUnknownKeys(JsonNode in, java.util.Set<String> allowed) throws InvalidValue {
        var names = in.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) throw new InvalidValue("unknown_key", "unknown key \"" + n + "\"");
        }
    }
}
