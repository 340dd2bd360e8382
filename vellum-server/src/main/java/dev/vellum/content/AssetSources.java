package dev.vellum.content;

import dev.vellum.assets.AssetService;
import dev.vellum.storage.SqlErrors;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Where an asset is served, for rendering rich-text images of assets as HTML or Markdown; one per rendering (it caches). */
@FunctionalInterface
interface AssetSources {
    /** No lookups: asset images render without a URL. */
    AssetSources NONE = id -> null;

    /** The asset's URL, or null when the project has no such asset (deleted with force). */
    String src(String assetId);

    /** Looks assets up through {@code assets} (null: {@link #NONE}), each id once, in {@code tx} when given (else a read of its own). */
    static AssetSources of(AssetService assets, String projectId, Tx tx) {
        if (assets == null) return NONE;
        Map<String, String> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, k -> {
            try {
                return (tx == null ? assets.get(projectId, k) : assets.get(tx, projectId, k)).map(assets::url).orElse("");
            } catch (SQLException e) {
                throw SqlErrors.translate(e);
            }
        }).transform(url -> url.isEmpty() ? null : url);
    }
}
