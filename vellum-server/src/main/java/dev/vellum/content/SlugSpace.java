package dev.vellum.content;

import dev.vellum.schema.CollectionSchema;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The slugs of one collection as a write sees them while it decides: what the table held (read in bulk, or
 * on demand) and what the write itself has taken or freed since. A batch loads every slug it may need with
 * one query and then decides each item in memory, as if the items before it were already written.
 */
final class SlugSpace {
    /** How many {@code base-N} slugs one lookup considers before falling back to a suffix from the id. */
    static final int SCAN = 1000;

    private final EntryRepository entries;
    private final CollectionSchema c;
    /** slug → the id of the entry holding it; a key mapped to null is known to be free. */
    private final Map<String, String> owners = new HashMap<>();
    private final Set<String> scanned = new HashSet<>();

    SlugSpace(EntryRepository entries, CollectionSchema c) {
        this.entries = entries;
        this.c = c;
    }

    /**
     * Reads, in bulk, what a batch will ask: who holds each slug it names and each base it may generate from, and,
     * for bases taken already or wanted more than once, which suffixed slugs ({@code base-N}) are in use.
     */
    void prepare(Tx tx, Collection<String> named, List<String> bases) throws SQLException {
        Set<String> asked = new HashSet<>(named);
        asked.addAll(bases);
        load(tx, asked);
        Set<String> seen = new HashSet<>();
        List<String> suffixed = new java.util.ArrayList<>();
        for (String base : bases) {
            if ((owners.get(base) != null || !seen.add(base) || named.contains(base)) && !scanned.contains(base)) suffixed.add(base);
        }
        scan(tx, suffixed);
    }

    private void scan(Tx tx, Collection<String> bases) throws SQLException {
        List<String> fresh = bases.stream().filter(scanned::add).toList();
        if (fresh.isEmpty()) return;
        for (Map.Entry<String, String> held : entries.slugsLike(tx, c, fresh, SCAN).entrySet()) {
            if (!owners.containsKey(held.getKey())) owners.put(held.getKey(), held.getValue());
        }
    }

    /** Reads who holds each of {@code slugs}, all in one lookup. */
    void load(Tx tx, Collection<String> slugs) throws SQLException {
        List<String> unknown = slugs.stream().filter(s -> !owners.containsKey(s)).toList();
        if (unknown.isEmpty()) return;
        Map<String, String> found = entries.slugOwners(tx, c, unknown);
        for (String s : unknown) owners.put(s, found.get(s));
    }

    /** The id of the entry holding {@code slug}, or null when it is free. */
    String owner(Tx tx, String slug) throws SQLException {
        if (!owners.containsKey(slug)) load(tx, List.of(slug));
        return owners.get(slug);
    }

    void take(String slug, String id) {
        owners.put(slug, id);
    }

    void free(String slug) {
        owners.put(slug, null);
    }

    /** A free slug made from {@code base} ({@code base}, else {@code base-2}, {@code base-3}, …) for the new entry {@code id}. */
    String generate(Tx tx, String base, String id) throws SQLException {
        if (base.isEmpty()) return id.toLowerCase(Locale.ROOT);
        if (owner(tx, base) == null) return base;
        scan(tx, List.of(base));
        for (int n = 2; n <= SCAN + 1; n++) {
            String candidate = base + "-" + n;
            if (owners.get(candidate) == null) return candidate;
        }
        return base + "-" + id.substring(id.length() - 8).toLowerCase(Locale.ROOT);
    }
}
