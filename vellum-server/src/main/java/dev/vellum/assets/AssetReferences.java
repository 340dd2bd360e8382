package dev.vellum.assets;

import java.util.List;

/**
 * Finds the entries that use an asset, so deleting one in use is refused (or forced knowingly).
 * Implemented where entries live; assets do not depend on content.
 */
@FunctionalInterface
public interface AssetReferences {
    AssetReferences NONE = (projectId, asset, limit) -> List.of();

    /** Up to {@code limit} uses of {@code asset} in the project's entries: by its id, or by its URL. */
    List<AssetUse> find(String projectId, Asset asset, int limit);

    /**
     * The ids of those of {@code among} that entries use. An implementation reads the entries once for all of
     * them (a purge asks about hundreds of assets at a time); this default asks {@link #find} for each.
     */
    default java.util.Set<String> used(String projectId, List<Asset> among) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Asset a : among) if (!find(projectId, a, 1).isEmpty()) used.add(a.id());
        return used;
    }
}
