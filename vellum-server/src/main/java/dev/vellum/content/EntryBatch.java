package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.changes.ChangeKind;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.storage.Tx;
import dev.vellum.time.Timestamps;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A batch: every item is parsed and validated when the batch is made (outside the write transaction),
 * then {@link #run} writes them in one transaction, each isolated so that one bad item spoils only itself.
 *
 * <p>{@link #run} works in bulk: the entries that upserts match, the references and assets the items name
 * and the slugs they use or may generate are each read with one lookup for the whole batch; each item is
 * then decided in memory, in order, as if the items before it were written (so a slug taken earlier in the
 * batch is taken for the ones after it); finally the rows go to the database as one JDBC batch of updates
 * and one of inserts, and the change-log records are made in item order. If the database refuses what the
 * plan allowed (a value of a unique field, a row another transaction changed meanwhile), the bulk writes
 * are rolled back to a savepoint and the batch is written item by item instead, with the same outcome the
 * plan would have had. An upsert batch naming one entry twice is written item by item from the start.
 */
final class EntryBatch {
    private final EntryWriter writer;
    private final EntryRepository entries;
    private final BatchRequest request;
    private final List<PreparedEntry> prepared = new ArrayList<>();
    /** Items whose structure is wrong (unknown keys, missing match key): reported without touching the database. */
    private final List<Boolean> malformed = new ArrayList<>();
    private final boolean repeatsAKey;
    /** Per create item, its fields completed and encoded outside the transaction (null for other items). */
    private final List<EncodedEntry> encoded = new ArrayList<>();
    /** Batches written item by item (a repeated upsert key, or the database refused the bulk plan), since start. */
    static final java.util.concurrent.atomic.AtomicLong ITEM_BY_ITEM = new java.util.concurrent.atomic.AtomicLong();

    /** Per item, the version the entry must still be at (null: any); null for batches without preconditions. */
    private final List<Long> expected;

    EntryBatch(EntryWriter writer, EntryRepository entries, CollectionSchema schema, BatchRequest request) {
        this(writer, entries, schema, request, null);
    }

    EntryBatch(EntryWriter writer, EntryRepository entries, CollectionSchema schema, BatchRequest request, List<Long> expected) {
        this.writer = writer;
        this.entries = entries;
        this.request = request;
        this.expected = expected;
        Set<String> keys = new HashSet<>();
        boolean repeated = false;
        for (int i = 0; i < request.items().size(); i++) {
            String prefix = "entries[" + i + "].";
            List<FieldError> errors = new ArrayList<>();
            EntryInput input = EntryInput.parse(request.items().get(i), prefix, errors);
            checkMatchKey(input, prefix, errors);
            // upsert items are prepared as updates; one that turns out to be new is prepared again as a create
            PreparedEntry p = PreparedEntry.of(schema, input, !request.upsert(), prefix);
            malformed.add(!errors.isEmpty());
            if (!errors.isEmpty()) {
                errors.addAll(p.errors());
                p = new PreparedEntry(p.input(), p.values(), List.copyOf(errors), p.schemaVersion(), prefix);
            } else if (request.upsert() && !keys.add(key(input))) {
                repeated = true;
            }
            prepared.add(p);
            encoded.add(request.upsert() ? null : EncodedEntry.ahead(schema, p));
        }
        this.repeatsAKey = repeated;
    }

    /** Told of each write of the batch, in item order, with its change-log data when the batch made it (else null). */
    @FunctionalInterface
    interface Recorded {
        void accept(ChangeKind kind, Entry entry, JsonNode data);
    }

    /** The batch's writes, and what each of them is to the change log, in item order. */
    private record Written(ChangeKind kind, Entry entry, JsonNode data) {}

    BatchResult run(Tx tx, String projectId, CollectionSchema c, Recorded changed) throws SQLException {
        if (!repeatsAKey) {
            try {
                List<Written> written = new ArrayList<>();
                BatchResult result = tx.savepoint(t -> inBulk(t, projectId, c, written));
                for (Written w : written) changed.accept(w.kind(), w.entry(), w.data());
                return result;
            } catch (Unforeseen | VellumException refused) {
                // rolled back to the savepoint, nothing of the bulk attempt is left; item by item, each outcome is the item's own
            }
        }
        ITEM_BY_ITEM.incrementAndGet();
        return itemByItem(tx, projectId, c, changed);
    }

    private BatchResult inBulk(Tx tx, String projectId, CollectionSchema c, List<Written> written) throws SQLException {
        int n = prepared.size();
        Map<String, Entry> matched = Map.of();
        if (request.upsert()) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) if (!malformed.get(i)) keys.add(key(prepared.get(i).input()));
            matched = entries.findAll(tx, c, keys, !request.matchById());
        }
        // each item prepared for what it is: an update of the entry it matches, or a create
        List<PreparedEntry> ready = new ArrayList<>(n);
        List<Entry> before = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PreparedEntry p = prepared.get(i);
            Entry e = malformed.get(i) || !request.upsert() ? null : matched.get(key(p.input()));
            before.add(e);
            ready.add(malformed.get(i) ? p : e != null ? p.against(c, false)
                    : request.upsert() ? PreparedEntry.of(c, p.input(), true, p.prefix()) : p.against(c, true));
        }
        List<List<FieldError>> problems = writer.checkLinks(tx, projectId, c, ready);
        SlugSpace slugs = new SlugSpace(entries, c);
        Set<String> named = new HashSet<>();
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (malformed.get(i)) continue;
            String slug = ready.get(i).input().slug();
            if (slug != null) named.add(slug);
            else if (before.get(i) == null) bases.add(EntryWriter.slugBase(c, ready.get(i)));
        }
        bases.removeIf(String::isEmpty); // no text to make a slug from: the slug is the entry's id
        slugs.prepare(tx, named, bases);

        String now = Timestamps.now();
        List<BatchResult.Item> results = new ArrayList<>(n);
        List<EntryRepository.Update> updates = new ArrayList<>();
        List<Entry> inserts = new ArrayList<>();
        List<EntryRepository.Encoded> insertColumns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PreparedEntry p = ready.get(i);
            try {
                if (malformed.get(i)) EntryService.throwIfInvalid(p.errors());
                Entry current = before.get(i);
                if (request.upsert() && request.matchById() && current == null) throw EntryService.notFound(p.input().id());
                Long version = expected == null ? null : expected.get(i);
                if (version != null && current != null && current.version() != version) throw EntryService.stale(current.version());
                EntryService.throwIfInvalid(problems.get(i));
                if (current != null) {
                    Entry next = EntryWriter.changed(current, p);
                    if (next == current) {
                        results.add(new BatchResult.Item("unchanged", current.id(), current.slug(), current.version(), null, List.of()));
                        continue;
                    }
                    if (!next.slug().equals(current.slug())) {
                        String owner = slugs.owner(tx, next.slug());
                        if (owner != null && !owner.equals(next.id())) throw EntryRepository.slugTaken();
                        slugs.free(current.slug());
                        slugs.take(next.slug(), next.id());
                    }
                    updates.add(new EntryRepository.Update(next, current.version()));
                    written.add(new Written(ChangeKind.ENTRY_UPDATED, next, null));
                    results.add(new BatchResult.Item("updated", next.id(), next.slug(), next.version(), null, List.of()));
                } else {
                    String id = Ulid.next();
                    String slug = p.input().slug();
                    if (slug == null) slug = EntryWriter.slug(tx, slugs, c, p, id);
                    else if (slugs.owner(tx, slug) != null) throw EntryRepository.slugTaken();
                    slugs.take(slug, id);
                    EncodedEntry enc = encoded.get(i);
                    boolean encodedAlready = enc != null && enc.fits(c);
                    Entry e = encodedAlready ? EntryWriter.created(p, id, slug, now, enc.fields()) : EntryWriter.created(c, p, id, slug, now);
                    inserts.add(e);
                    insertColumns.add(encodedAlready ? enc.row() : null);
                    written.add(new Written(ChangeKind.ENTRY_CREATED, e, encodedAlready ? EntryJson.changeData(e, enc.json()) : null));
                    results.add(new BatchResult.Item("created", id, slug, 1L, null, List.of()));
                }
            } catch (VellumException e) {
                results.add(failed(i, p, e));
            }
        }
        // updates first: an update may free a slug that a later item takes
        if (!entries.updateAll(tx, c, updates)) throw new Unforeseen();
        entries.insertAll(tx, c, inserts, insertColumns);
        return new BatchResult(results, false);
    }

    /** The batch one item at a time, each in its own savepoint where the database needs one: the reference semantics. */
    private BatchResult itemByItem(Tx tx, String projectId, CollectionSchema c, Recorded changed) throws SQLException {
        List<BatchResult.Item> results = new ArrayList<>(prepared.size());
        for (int i = 0; i < prepared.size(); i++) {
            PreparedEntry p = prepared.get(i);
            try {
                if (malformed.get(i)) EntryService.throwIfInvalid(p.errors());
                Long version = expected == null ? null : expected.get(i);
                results.add(tx.isolated(t -> one(t, projectId, c, p, version, changed)));
            } catch (VellumException e) {
                results.add(failed(i, p, e));
            }
        }
        return new BatchResult(results, false);
    }

    private BatchResult.Item failed(int i, PreparedEntry p, VellumException e) {
        List<FieldError> errors = e.errors().isEmpty()
                ? List.of(new FieldError(p.prefix().substring(0, p.prefix().length() - 1), e.code(), e.detail())) : e.errors();
        return new BatchResult.Item("error", null, request.items().get(i).path("slug").asText(null), null, e.code(), errors);
    }

    private String key(EntryInput input) {
        return request.matchById() ? input.id() : input.slug();
    }

    private void checkMatchKey(EntryInput input, String prefix, List<FieldError> errors) {
        if (!request.upsert()) {
            if (input.id() != null) errors.add(new FieldError(prefix + "id", "read_only", "ids are assigned by the server"));
        } else if (request.matchById()) {
            if (input.id() == null) errors.add(new FieldError(prefix + "id", "required", "upsert by id needs each entry's id"));
        } else if (input.slug() == null) {
            errors.add(new FieldError(prefix + "slug", "required", "upsert by slug needs each entry's slug"));
        }
    }

    private BatchResult.Item one(Tx tx, String projectId, CollectionSchema c, PreparedEntry p, Long version, Recorded changed)
            throws SQLException {
        EntryInput input = p.input();
        Optional<Entry> existing = Optional.empty();
        if (request.upsert()) {
            existing = request.matchById() ? entries.find(tx, c, input.id()) : entries.findBySlug(tx, c, input.slug());
            if (request.matchById() && existing.isEmpty()) throw EntryService.notFound(input.id());
            if (version != null && existing.isPresent() && existing.get().version() != version) throw EntryService.stale(existing.get().version());
        }
        if (existing.isPresent()) {
            Entry before = existing.get();
            Entry after = writer.update(tx, projectId, c, before, p);
            if (after == before) return new BatchResult.Item("unchanged", after.id(), after.slug(), after.version(), null, List.of());
            changed.accept(ChangeKind.ENTRY_UPDATED, after, null);
            return new BatchResult.Item("updated", after.id(), after.slug(), after.version(), null, List.of());
        }
        Entry created = writer.create(tx, projectId, c, request.upsert() ? PreparedEntry.of(c, input, true, p.prefix()) : p);
        changed.accept(ChangeKind.ENTRY_CREATED, created, null);
        return new BatchResult.Item("created", created.id(), created.slug(), created.version(), null, List.of());
    }

    /** The database refused a bulk write the plan allowed: the batch is written item by item instead. */
    private static final class Unforeseen extends RuntimeException {
        Unforeseen() {
            super(null, null, false, false);
        }
    }
}
