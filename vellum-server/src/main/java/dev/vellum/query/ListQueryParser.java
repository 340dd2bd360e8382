package dev.vellum.query;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SystemAttributes;
import dev.vellum.search.SearchTerms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks list parameters against a collection's schema and turns them into a {@link ListQuery}. */
public final class ListQueryParser {
    private ListQueryParser() {}

    /** {@code lookup}: the project's other collections, for filters through reference fields. */
    public static ListQuery parse(CollectionSchema c, ListParams p, boolean publishedOnly, CollectionLookup lookup) {
        List<FieldError> errors = new ArrayList<>();
        int limit = limit(p.limit(), errors);
        List<SortKey> sort = sort(c, p.sort(), errors);
        Set<String> fields = fields(c, p.fields(), errors);
        boolean total = bool(p.includeTotal(), "include_total", errors);
        if (!errors.isEmpty()) throw new VellumException.BadRequest("invalid_query", "The list parameters are not valid", errors);
        Filter filter = FilterChecker.parse(p.filter(), c, lookup);
        SearchTerms search = SearchTerms.parse(p.search());
        Cursor after = null;
        if (p.cursor() != null && !p.cursor().isEmpty()) {
            int keys = search != null && sort.isEmpty() ? 1 : sortKeysBeforeId(sort); // by relevance: the rank, then id
            after = Cursor.decode(p.cursor(), fingerprint(sort, p.filter(), search == null ? null : p.search(), publishedOnly), keys);
        }
        return new ListQuery(limit, sort, after, fields, total, publishedOnly, filter, search);
    }

    /** What a cursor is bound to: the sort, the filter, the search and draft visibility. */
    public static String fingerprint(List<SortKey> sort, String filter, String search, boolean publishedOnly) {
        StringBuilder s = new StringBuilder();
        sort.forEach(k -> s.append(k.wire()).append(','));
        s.append('|').append(filter == null ? "" : filter).append('|').append(publishedOnly);
        if (search != null) s.append("|search:").append(search);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int sortKeysBeforeId(List<SortKey> sort) {
        int n = 0;
        for (SortKey k : sort) {
            if (k.attribute().equals("id")) break;
            n++;
        }
        return n;
    }

    private static int limit(String s, List<FieldError> errors) {
        if (s == null || s.isEmpty()) return ListQuery.DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= ListQuery.MAX_LIMIT) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError("limit", "out_of_range", "limit must be a whole number from 1 to " + ListQuery.MAX_LIMIT));
        return ListQuery.DEFAULT_LIMIT;
    }

    private static List<SortKey> sort(CollectionSchema c, String s, List<FieldError> errors) {
        List<SortKey> keys = new ArrayList<>();
        if (s == null || s.isBlank()) return keys;
        Set<String> seen = new LinkedHashSet<>();
        for (String raw : s.split(",")) {
            String part = raw.strip();
            boolean desc = part.startsWith("-");
            String attr = desc || part.startsWith("+") ? part.substring(1) : part;
            if (!seen.add(attr)) {
                errors.add(new FieldError("sort", "duplicate_key", "'" + attr + "' appears twice in sort"));
                continue;
            }
            if (SystemAttributes.NAMES.contains(attr)) {
                keys.add(new SortKey(attr, desc));
                continue;
            }
            var f = c.field(attr);
            if (f.isEmpty()) {
                errors.add(new FieldError("sort", "unknown_field", "cannot sort by '" + attr + "': no such field or attribute"));
            } else if (!f.get().type().scalar()) {
                errors.add(new FieldError("sort", "not_sortable", "cannot sort by '" + attr + "': " + f.get().type().name() + " values are not sortable"));
            } else {
                keys.add(new SortKey(attr, desc));
            }
            if (keys.size() > 8) {
                errors.add(new FieldError("sort", "too_many_keys", "at most 8 sort keys"));
                break;
            }
        }
        return keys;
    }

    private static Set<String> fields(CollectionSchema c, String s, List<FieldError> errors) {
        if (s == null || s.isBlank()) return null;
        Set<String> out = new LinkedHashSet<>();
        for (String raw : s.split(",")) {
            String id = raw.strip();
            if (id.isEmpty() || SystemAttributes.NAMES.contains(id)) continue; // system attributes always come
            if (c.field(id).isEmpty()) errors.add(new FieldError("fields", "unknown_field", "no field '" + id + "'"));
            else out.add(id);
        }
        return out;
    }

    private static boolean bool(String s, String name, List<FieldError> errors) {
        if (s == null || s.isEmpty() || s.equals("false")) return false;
        if (s.equals("true")) return true;
        errors.add(new FieldError(name, "type_mismatch", name + " must be true or false"));
        return false;
    }

}
