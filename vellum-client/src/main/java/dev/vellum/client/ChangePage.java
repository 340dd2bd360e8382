package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of the change log; ask for the next with {@code since = nextSince} while {@code hasMore}. */
public record ChangePage(List<Change> data, long nextSince, boolean hasMore) {

    public ChangePage {
        data = List.copyOf(data);
    }

    static ChangePage from(JsonNode n) {
        return new ChangePage(Json.list(n, "data", Change::from), n.path("next_since").asLong(), n.path("has_more").asBoolean(false));
    }
}
