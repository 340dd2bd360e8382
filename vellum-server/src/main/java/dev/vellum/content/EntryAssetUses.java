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
