package dev.vellum.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to list entries: page size, sort keys ({@code -} for descending), projected fields, a filter
 * expression (passed to the server as written), whether to count the total, the rich-text format, and a
 * full-text search (without sort keys, the most relevant entries first).
 *
 * <pre>{@code ListOptions.builder().limit(100).sort("-created_at", "title").filter("views >= 10").search("java").build()}</pre>
 */
public record ListOptions(Integer limit, List<String> sort, List<String> fields, String filter, boolean includeTotal,
                          RichTextFormat richText, String search) {
    public static final ListOptions DEFAULT = builder().build();

    public ListOptions {
        sort = List.copyOf(sort);
        fields = List.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The query parameters, without a cursor. */
    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        if (limit != null) q.put("limit", limit.toString());
        if (!sort.isEmpty()) q.put("sort", String.join(",", sort));
        if (!fields.isEmpty()) q.put("fields", String.join(",", fields));
        if (filter != null) q.put("filter", filter);
        if (includeTotal) q.put("include_total", "true");
        if (richText != null) q.put("rich_text", richText.wire());
        if (search != null) q.put("search", search);
        return q;
    }

    public static final class Builder {
        private Integer limit;
        private List<String> sort = List.of();
        private List<String> fields = List.of();
        private String filter;
        private boolean includeTotal;
        private RichTextFormat richText;
        private String search;

        private Builder() {}

        /** Entries per page, 1–500 (the server's default is 50). */
        public Builder limit(int perPage) {
            this.limit = perPage;
            return this;
        }

        /** Sort keys in order, e.g. {@code "-published_at", "title"}; {@code id} breaks ties. */
        public Builder sort(String... keys) {
            this.sort = List.of(keys);
            return this;
        }

        /** Only these field values (system attributes always come). */
        public Builder fields(String... fieldIds) {
            this.fields = List.of(fieldIds);
            return this;
        }

        /** A filter expression, e.g. {@code status = "live" and views >= 10}. */
        public Builder filter(String expression) {
            this.filter = expression;
            return this;
        }

        public Builder includeTotal(boolean count) {
            this.includeTotal = count;
            return this;
        }

        public Builder richText(RichTextFormat format) {
            this.richText = format;
            return this;
        }

        /** Full-text search: words (all must match), {@code "phrases"}, {@code prefix*}. */
        public Builder search(String terms) {
            this.search = terms;
            return this;
        }

        public ListOptions build() {
            return new ListOptions(limit, sort, fields, filter, includeTotal, richText, search);
        }
    }
}
