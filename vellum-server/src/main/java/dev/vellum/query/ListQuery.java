package dev.vellum.query;

import dev.vellum.search.SearchTerms;
import java.util.List;
import java.util.Set;

/**
 * A list request, parsed and checked against the collection's schema.
 * {@code fields}: the field ids to return, or null for all. {@code publishedOnly}: hide drafts.
 * {@code filter}: the checked filter ({@link Filter#ALL} when none was given).
 * {@code search}: the full-text query, or null; with no {@code sort}, a search lists by relevance.
 */
public record ListQuery(int limit, List<SortKey> sort, Cursor after, Set<String> fields, boolean includeTotal,
                        boolean publishedOnly, Filter filter, SearchTerms search) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ListQuery {
        sort = List.copyOf(sort);
    }

    public ListQuery(int limit, List<SortKey> sort, Cursor after, Set<String> fields, boolean includeTotal,
                     boolean publishedOnly, Filter filter) {
        this(limit, sort, after, fields, includeTotal, publishedOnly, filter, null);
    }

    /** Whether the page is in order of relevance (most relevant first, then id descending): a search without a sort. */
    public boolean byRelevance() {
        return search != null && sort.isEmpty();
    }
}
