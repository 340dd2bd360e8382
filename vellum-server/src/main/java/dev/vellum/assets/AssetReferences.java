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
}
