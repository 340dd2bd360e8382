package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.changes.ChangeKind;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A batch: every item is parsed and validated when the batch is made (outside the write
 * transaction), then {@link #run} writes them in one transaction, each isolated so that one bad
 * item spoils only itself.
 */
final class EntryBatch {
    private final EntryWriter writer;
    private final EntryRepository entries;
    private final BatchRequest request;
    private final List<PreparedEntry> prepared = new ArrayList<>();
    /** Items whose structure is wrong (unknown keys, missing match key): reported without touching the database. */
    private final List<Boolean> malformed = new ArrayList<>();
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
            }
            prepared.add(p);
        }
    }

    BatchResult run(Tx tx, String projectId, CollectionSchema c, BiConsumer<ChangeKind, Entry> changed) throws SQLException {
        List<BatchResult.Item> results = new ArrayList<>(prepared.size());
        for (int i = 0; i < prepared.size(); i++) {
            PreparedEntry p = prepared.get(i);
            JsonNode item = request.items().get(i);
            try {
                if (malformed.get(i)) EntryService.throwIfInvalid(p.errors());
                Long version = expected == null ? null : expected.get(i);
                results.add(tx.isolated(t -> one(t, projectId, c, p, version, changed)));
            } catch (VellumException e) {
                List<FieldError> errors = e.errors().isEmpty()
                        ? List.of(new FieldError(p.prefix().substring(0, p.prefix().length() - 1), e.code(), e.detail())) : e.errors();
                results.add(new BatchResult.Item("error", null, item.path("slug").asText(null), null, e.code(), errors));
            }
        }
        return new BatchResult(results, false);
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

    private BatchResult.Item one(Tx tx, String projectId, CollectionSchema c, PreparedEntry p, Long version,
                                 BiConsumer<ChangeKind, Entry> changed) throws SQLException {
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
            changed.accept(ChangeKind.ENTRY_UPDATED, after);
            return new BatchResult.Item("updated", after.id(), after.slug(), after.version(), null, List.of());
        }
        Entry created = writer.create(tx, projectId, c, request.upsert() ? PreparedEntry.of(c, input, true, p.prefix()) : p);
        changed.accept(ChangeKind.ENTRY_CREATED, created);
        return new BatchResult.Item("created", created.id(), created.slug(), created.version(), null, List.of());
    }
}
