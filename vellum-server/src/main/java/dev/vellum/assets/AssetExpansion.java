package dev.vellum.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Finds {@code {"asset": id}} values in rendered entries and fills in what the asset is. */
final class AssetExpansion {
    private AssetExpansion() {}

    static void expand(JsonNode rendered, Function<Set<String>, List<Asset>> load, Function<Asset, String> url) {
        List<ObjectNode> refs = new ArrayList<>();
        if (rendered.path("data").isArray()) rendered.get("data").forEach(e -> collect(e.path("fields"), refs));
        else collect(rendered.path("fields"), refs);
        if (refs.isEmpty()) return;
        Set<String> ids = new LinkedHashSet<>();
        refs.forEach(r -> ids.add(r.get("asset").textValue()));
        Map<String, Asset> found = new HashMap<>();
        for (Asset a : load.apply(ids)) found.put(a.id(), a);
        for (ObjectNode r : refs) {
            Asset a = found.get(r.get("asset").textValue());
            if (a == null) {
                r.putNull("url");
                r.put("missing", true);
                continue;
            }
            r.put("url", url.apply(a));
            r.put("filename", a.filename());
            r.put("content_type", a.contentType());
            r.put("size", a.size());
            if (a.width() != null) r.put("width", a.width());
            if (a.height() != null) r.put("height", a.height());
            if (!r.hasNonNull("alt") && a.alt() != null && a.isImage()) r.put("alt", a.alt());
        }
    }

    private static void collect(JsonNode fields, List<ObjectNode> refs) {
        if (!fields.isObject()) return;
        fields.forEach(v -> {
            if (isRef(v)) refs.add((ObjectNode) v);
            else if (v.isArray()) v.forEach(item -> {
                if (isRef(item)) refs.add((ObjectNode) item);
            });
        });
    }

    private static boolean isRef(JsonNode v) {
        return v instanceof ObjectNode o && o.path("asset").isTextual() && !o.has("url");
    }
}
