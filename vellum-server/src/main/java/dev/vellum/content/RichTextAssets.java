package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.assets.AssetService;
import dev.vellum.error.FieldError;
import dev.vellum.richtext.Block;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.RichTextType;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images of uploaded assets inside rich text. Written, an image node names its asset
 * ({@code "attrs": {"asset": id, "variant"?: "w=300"}}): one given as the asset's URL (what an HTML or
 * Markdown editor sends back) becomes its id, and the id must be an asset of the project. Stored, it holds
 * no URL; rendered as HTML or Markdown it gets its asset's URL (see {@link AssetSources}).
 */
final class RichTextAssets {
    /** {@code …/assets/<project>/<url key>/<name>[?query]}: how {@link AssetService#url} spells an asset's URL. */
    private static final Pattern ASSET_URL = Pattern.compile("^(?:https?://[^/?#]+)?(?:/[^?#]*)?/assets/([^/?#]+)/([0-9a-f]{32})/[^/?#]+(?:\\?([^#]*))?$");
    private static final Set<String> VARIANT_KEYS = Set.of("w", "h", "fit", "format", "q");

    private RichTextAssets() {}

    static boolean holdsRichText(FieldType type) {
        return type instanceof RichTextType || type instanceof ArrayType a && a.of() instanceof RichTextType;
    }

    /**
     * Before an entry's rich-text values are stored: asset URLs of this project become asset ids, stored asset
     * images lose their rendered {@code src}, and every named asset must exist ({@code asset_not_found} otherwise).
     */
    static void prepare(Tx tx, String projectId, CollectionSchema c, ObjectNode values, String prefix, List<FieldError> errors,
                        AssetService assets) throws SQLException {
        for (Field f : c.fields()) {
            JsonNode v = values.get(f.id());
            if (v == null || v.isNull() || !holdsRichText(f.type())) continue;
            List<ObjectNode> images = new ArrayList<>();
            images(v, images::add);
            if (images.isEmpty()) continue;
            Set<String> ids = new LinkedHashSet<>();
            for (ObjectNode attrs : images) {
                if (attrs.path("asset").isTextual()) {
                    attrs.remove("src"); // what a read filled in; the id is what is kept
                    ids.add(attrs.get("asset").textValue());
                } else if (attrs.path("src").isTextual()) {
                    fromUrl(tx, projectId, attrs, assets);
                }
            }
            if (ids.isEmpty()) continue;
            ids.removeAll(assets.existing(tx, projectId, ids));
            if (!ids.isEmpty()) {
                errors.add(new FieldError(prefix + "fields." + f.id(), "asset_not_found", "no asset " + String.join(", ", ids) + " in this project"));
            }
        }
    }

    /** An image whose src is the URL of one of the project's assets (a variant's parameters kept) is rewritten to name it. */
    private static void fromUrl(Tx tx, String projectId, ObjectNode attrs, AssetService assets) throws SQLException {
        AssetLink link = link(tx, projectId, attrs.get("src").textValue(), assets);
        if (link == null) return;
        ObjectNode rebuilt = attrs.objectNode().put("asset", link.id());
        if (link.variant() != null) rebuilt.put("variant", link.variant());
        attrs.remove("src");
        rebuilt.setAll(attrs);
        attrs.removeAll();
        attrs.setAll(rebuilt); // canonical attribute order: asset, variant, alt, link
    }

    /** An asset named by its URL: the id, and the resize parameters the URL asked for (null: the original). */
    record AssetLink(String id, String variant) {}

    /**
     * The asset of this project that {@code url} serves, or null when it is another URL (also when its query holds
     * anything but resize parameters, which an asset reference cannot keep).
     */
    static AssetLink link(Tx tx, String projectId, String url, AssetService assets) throws SQLException {
        Matcher m = ASSET_URL.matcher(url);
        if (!m.matches() || !m.group(1).equals(projectId)) return null;
        String variant = variant(m.group(3));
        if (m.group(3) != null && !m.group(3).isEmpty() && variant == null) return null;
        return assets.byUrlKey(tx, projectId, m.group(2)).map(a -> new AssetLink(a.id(), variant)).orElse(null);
    }

    /** Resize parameters in a canonical order (w, h, fit, format, q), or null when the query holds anything else. */
    static String variant(String query) {
        if (query == null || query.isEmpty()) return null;
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || !VARIANT_KEYS.contains(pair.substring(0, eq)) || params.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                return null;
            }
        }
        StringBuilder out = new StringBuilder();
        for (String k : List.of("w", "h", "fit", "format", "q")) {
            if (params.containsKey(k)) out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(params.get(k));
        }
        String s = out.toString();
        return Block.Image.VARIANT.matcher(s).matches() ? s : null;
    }

    /**
     * A copy of a stored document (or list of documents) whose asset images carry their URL in {@code src}, for
     * rendering as HTML or Markdown; the value itself when it has none. A missing asset gets no src.
     */
    static JsonNode withSources(JsonNode stored, AssetSources sources) {
        if (sources == AssetSources.NONE) return stored;
        List<ObjectNode> found = new ArrayList<>();
        images(stored, a -> {
            if (a.path("asset").isTextual()) found.add(a);
        });
        if (found.isEmpty()) return stored;
        JsonNode copy = stored.deepCopy();
        images(copy, a -> {
            if (!a.path("asset").isTextual()) return;
            String url = sources.src(a.get("asset").textValue());
            if (url == null) {
                a.remove("src");
                return;
            }
            a.put("src", a.path("variant").isTextual() ? url + "?" + a.get("variant").textValue() : url);
        });
        return copy;
    }

    /** The attrs of every image node in a document (or a list of documents). */
    static void images(JsonNode node, Consumer<ObjectNode> attrs) {
        if (node.isArray()) {
            node.forEach(n -> images(n, attrs));
            return;
        }
        if (!node.isObject()) return;
        if ("image".equals(node.path("type").textValue()) && node.get("attrs") instanceof ObjectNode a) {
            attrs.accept(a);
            return;
        }
        JsonNode content = node.get("content");
        if (content != null && content.isArray()) content.forEach(n -> images(n, attrs));
    }
}
