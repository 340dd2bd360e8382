package dev.vellum.assets;

import java.util.List;

/**
 * Finds the entries that use an asset, so deleting one in use is refused (or forced knowingly).
 * Implemented where entries live; assets do not depend on content.
 */
@FunctionalInterface
public interface AssetReferences {
    AssetReferences NONE = (projectId, assetId, limit) -> List.of();

    /** Up to {@code limit} uses of {@code assetId} in the project's entries. */
    List<AssetUse> find(String projectId, String assetId, int limit);
}
