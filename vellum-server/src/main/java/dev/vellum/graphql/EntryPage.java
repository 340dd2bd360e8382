package dev.vellum.graphql;

import java.util.List;

/** A page of a list field ({@code <c>_Page}): its entries, resolved, and REST's {@code next_cursor} and {@code total}. */
record EntryPage(List<ResolvedEntry> data, String nextCursor, Long total) {

    /** The page type's fields by name. */
    Object property(String name) {
        return switch (name) {
            case "data" -> data;
            case "next_cursor" -> nextCursor;
            case "total" -> total;
            default -> null;
        };
    }
}
