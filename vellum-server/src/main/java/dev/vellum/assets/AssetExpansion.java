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

/**
 * Finds {@code {"asset": id}} values in rendered entries, and images of assets inside rich-text documents
 * ({@code {"type": "image", "attrs": {"asset": id}}}), and fills in what the asset is.
 */
final class AssetExpansion {
    private AssetExpansion() {}

    static void expand(JsonNode rendered, Function<Set<String>, List<Asset>> load, Function<Asset, String> url) {
        List<ObjectNode> refs = new ArrayList<>();
        List<ObjectNode> images = new ArrayList<>();
        if (rendered.path("data").isArray()) rendered.get("data").forEach(e -> collect(e.path("fields"), refs, images));
        else collect(rendered.path("fields"), refs, images);
        if (refs.isEmpty() && images.isEmpty()) return;
        Set<String> ids = new LinkedHashSet<>();
        refs.forEach(r -> ids.add(r.get("asset").textValue()));
        images.forEach(r -> ids.add(r.get("asset").textValue()));
        Map<String, Asset> found = new HashMap<>();
        for (Asset a : load.apply(ids)) found.put(a.id(), a);
        for (ObjectNode attrs : images) image(attrs, found.get(attrs.get("asset").textValue()), url);
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

    private static void collect(JsonNode fields, List<ObjectNode> refs, List<ObjectNode> images) {
        if (!fields.isObject()) return;
        fields.forEach(v -> {
            if (isRef(v)) refs.add((ObjectNode) v);
            else if (v.isArray()) v.forEach(item -> {
                if (isRef(item)) refs.add((ObjectNode) item);
                else if (isDocument(item)) images(item, images);
            });
            else if (isDocument(v)) images(v, images);
        });
    }

    /** An asset image in rich text: its URL (with the variant's parameters), size and type; "src": null and "missing" when gone. */
    private static void image(ObjectNode attrs, Asset a, Function<Asset, String> url) {
        if (a == null) {
            attrs.putNull("src");
            attrs.put("missing", true);
            return;
        }
        String variant = attrs.path("variant").textValue();
        attrs.put("src", variant == null ? url.apply(a) : url.apply(a) + "?" + variant);
        attrs.put("filename", a.filename()); // the node's alt stays its own: a read written back changes nothing
        attrs.put("content_type", a.contentType());
        attrs.put("size", a.size());
        if (a.width() != null) attrs.put("width", a.width());
        if (a.height() != null) attrs.put("height", a.height());
    }

    private static boolean isDocument(JsonNode v) {
        return v.isObject() && "doc".equals(v.path("type").textValue());
    }

    private static void images(JsonNode node, List<ObjectNode> out) {
        if (node.isObject() && "image".equals(node.path("type").textValue()) && node.get("attrs") instanceof ObjectNode a) {
            if (a.path("asset").isTextual()) out.add(a);
            return;
        }
        JsonNode content = node.get("content");
        if (content != null && content.isArray()) content.forEach(n -> images(n, out));
    }

    private static boolean isRef(JsonNode v) {
        return v instanceof ObjectNode o && o.path("asset").isTextual() && !o.has("url");
    }
}
