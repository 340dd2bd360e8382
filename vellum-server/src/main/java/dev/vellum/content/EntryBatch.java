package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.changes.ChangeKind;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.storage.EntryRepository;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Runs a batch in one transaction; each item in its own savepoint, so one bad item spoils only itself. */
final class EntryBatch {
    private final EntryWriter writer;
    private final EntryRepository entries;

    EntryBatch(EntryWriter writer, EntryRepository entries) {
        this.writer = writer;
        this.entries = entries;
    }

    BatchResult run(Tx tx, String projectId, CollectionSchema c, BatchRequest request, BiConsumer<ChangeKind, Entry> changed)
            throws SQLException {
        List<BatchResult.Item> results = new ArrayList<>(request.items().size());
        for (int i = 0; i < request.items().size(); i++) {
            String prefix = "entries[" + i + "].";
            JsonNode item = request.items().get(i);
            try {
                results.add(tx.isolated(t -> one(t, projectId, c, request, item, prefix, changed)));
            } catch (VellumException e) {
                List<FieldError> errors = e.errors().isEmpty() ? List.of(new FieldError(prefix.substring(0, prefix.length() - 1),
                        e.code(), e.detail())) : e.errors();
                results.add(new BatchResult.Item("error", null, item.path("slug").asText(null), null, e.code(), errors));
            }
        }
        return new BatchResult(results, false);
    }

    private BatchResult.Item one(Tx tx, String projectId, CollectionSchema c, BatchRequest request, JsonNode item, String prefix,
                                 BiConsumer<ChangeKind, Entry> changed) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        EntryInput input = EntryInput.parse(item, prefix, errors);
        Optional<Entry> existing = Optional.empty();
        if (!request.upsert()) {
            if (input.id() != null) errors.add(new FieldError(prefix + "id", "read_only", "ids are assigned by the server"));
        } else if (request.matchById()) {
            if (input.id() == null) errors.add(new FieldError(prefix + "id", "required", "upsert by id needs each entry's id"));
        } else if (input.slug() == null) {
            errors.add(new FieldError(prefix + "slug", "required", "upsert by slug needs each entry's slug"));
        }
        EntryService.throwIfInvalid(errors);
        if (request.upsert()) {
            existing = request.matchById() ? entries.find(tx, c, input.id()) : entries.findBySlug(tx, c, input.slug());
            if (request.matchById() && existing.isEmpty()) throw EntryService.notFound(input.id());
        }
        if (existing.isPresent()) {
            Entry before = existing.get();
            Entry after = writer.update(tx, projectId, c, before, input, prefix);
            if (after == before) return new BatchResult.Item("unchanged", after.id(), after.slug(), after.version(), null, List.of());
            changed.accept(ChangeKind.ENTRY_UPDATED, after);
            return new BatchResult.Item("updated", after.id(), after.slug(), after.version(), null, List.of());
        }
        Entry created = writer.create(tx, projectId, c, input, prefix);
        changed.accept(ChangeKind.ENTRY_CREATED, created);
        return new BatchResult.Item("created", created.id(), created.slug(), created.version(), null, List.of());
    }
}
