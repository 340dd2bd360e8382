package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of a list: its entries, the opaque cursor of the next page (null after the last), and
 * the number of entries the list has in all (null unless {@code includeTotal} asked for it).
 */
public record EntryPage(List<Entry> data, String nextCursor, Long total) {

    public EntryPage {
        data = List.copyOf(data);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }

    static EntryPage from(JsonNode n) {
        return new EntryPage(Json.list(n, "data", Entry::from), Json.text(n, "next_cursor"), Json.longOrNull(n, "total"));
    }
}
