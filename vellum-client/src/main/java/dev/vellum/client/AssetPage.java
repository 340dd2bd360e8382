package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of assets, newest first; {@code nextCursor} is null after the last page. */
public record AssetPage(List<Asset> data, String nextCursor) {
    public AssetPage {
        data = List.copyOf(data);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }

    static AssetPage from(JsonNode n) {
        return new AssetPage(Json.list(n, "data", Asset::from), Json.text(n, "next_cursor"));
    }
}
