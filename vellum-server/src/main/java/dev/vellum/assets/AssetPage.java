package dev.vellum.assets;

import java.util.List;

/** One page of assets; {@code nextCursor} is null on the last page. */
public record AssetPage(List<Asset> data, String nextCursor) {}
