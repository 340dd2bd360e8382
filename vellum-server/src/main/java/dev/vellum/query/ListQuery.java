package dev.vellum.query;

import java.util.List;
import java.util.Set;

/**
 * A list request, parsed and checked against the collection's schema.
 * {@code fields}: the field ids to return, or null for all. {@code publishedOnly}: hide drafts.
 * {@code filter}: the checked filter ({@link Filter#ALL} when none was given).
 */
public record ListQuery(int limit, List<SortKey> sort, Cursor after, Set<String> fields, boolean includeTotal,
                        boolean publishedOnly, Filter filter) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ListQuery {
        sort = List.copyOf(sort);
    }
}
