package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.assets.Asset;
import dev.vellum.assets.AssetReferences;
import dev.vellum.assets.AssetUse;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.CollectionRepository;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.FileType;
import dev.vellum.schema.ImageType;
import dev.vellum.storage.Database;
import dev.vellum.storage.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which entries use an asset: image and file fields (and lists of them) whose stored value names it, and
 * rich-text fields with an image of it.
 * Deleting an asset asks this first, so one in use is refused (409) unless forced.
 */
public final class EntryAssetUses implements AssetReferences {
    private final Database db;
    private final CollectionRepository collections = new CollectionRepository();

    public EntryAssetUses(Database db) {
        this.db = db;
    }

    @Override
    public List<AssetUse> find(String projectId, Asset asset, int limit) {
        return db.read(tx -> {
            List<AssetUse> out = new ArrayList<>();
            String byId = "%\"" + like(asset.id()) + "\"%";
            String byUrl = "%/" + like(asset.urlKey()) + "/%"; // a link to it, or a resized copy, kept as a URL
            for (CollectionSchema c : collections.list(tx, projectId)) {
                for (Field f : c.fields()) {
                    if (!holdsAssets(f.type()) && !RichTextAssets.holdsRichText(f.type())) continue;
                    String column = tx.dialect() == Dialect.POSTGRES ? "CAST(" + f.column() + " AS TEXT)" : f.column();
                    List<String> ids = tx.list("SELECT id FROM " + c.table() + " WHERE " + column + " LIKE ? ESCAPE '\\' OR " + column
                            + " LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?", rs -> rs.getString(1), byId, byUrl, (long) (limit - out.size()));
                    ids.forEach(id -> out.add(new AssetUse(c.id(), id, f.id())));
                    if (out.size() >= limit) return out;
                }
            }
            return out;
        });
    }

    /** {@code "asset": "<id>"} as SQLite and PostgreSQL (jsonb, with a space) print it. */
    private static final java.util.regex.Pattern ID_IN_JSON = java.util.regex.Pattern.compile("\"asset\":\\s?\"([0-9A-Za-z]{1,64})\"");
    /** The URL key of an asset URL (a link, a resized copy) kept in a value. */
    private static final java.util.regex.Pattern KEY_IN_URL = java.util.regex.Pattern.compile("/assets/[^/\"]+/([0-9a-f]{32})/");

    /** One read of every value that may name an asset, instead of one per asset: what a purge asks for each batch. */
    @Override
    public Set<String> used(String projectId, List<Asset> among) {
        java.util.Map<String, String> byId = new java.util.HashMap<>();
        java.util.Map<String, String> byKey = new java.util.HashMap<>();
        for (Asset a : among) {
            byId.put(a.id(), a.id());
            byKey.put(a.urlKey(), a.id());
        }
        Set<String> used = new java.util.HashSet<>();
        if (among.isEmpty()) return used;
        db.read(tx -> {
            for (CollectionSchema c : collections.list(tx, projectId)) {
                for (Field f : c.fields()) {
                    if (!holdsAssets(f.type()) && !RichTextAssets.holdsRichText(f.type())) continue;
                    String column = tx.dialect() == Dialect.POSTGRES ? "CAST(" + f.column() + " AS TEXT)" : f.column();
                    tx.list("SELECT " + column + " FROM " + c.table() + " WHERE " + f.column() + " IS NOT NULL", rs -> {
                        String value = rs.getString(1);
                        if (value.contains("asset")) {
                            collect(ID_IN_JSON.matcher(value), byId, used);
                            collect(KEY_IN_URL.matcher(value), byKey, used);
                        }
                        return null;
                    });
                    if (used.size() == among.size()) return null;
                }
            }
            return null;
        });
        return used;
    }

    private static void collect(java.util.regex.Matcher m, java.util.Map<String, String> wanted, Set<String> used) {
        while (m.find()) {
            String id = wanted.get(m.group(1));
            if (id != null) used.add(id);
        }
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static boolean holdsAssets(FieldType type) {
        return switch (type) {
            case ImageType i -> true;
            case FileType f -> true;
            case ArrayType a -> holdsAssets(a.of());
            default -> false;
        };
    }

    /** The asset ids a stored image/file value (or list of them) names. */
    static Set<String> ids(JsonNode value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value.isArray()) value.forEach(v -> {
            if (v.path("asset").isTextual()) ids.add(v.get("asset").textValue());
        });
        else if (value.path("asset").isTextual()) ids.add(value.get("asset").textValue());
        return ids;
    }
}
