package dev.vellum.content;

import dev.vellum.error.FieldError;
import java.util.List;

/** Per-item outcome of a batch, in request order. */
public record BatchResult(List<Item> results, boolean atomicFailure) {

    /** {@code status}: created, updated, unchanged, error, or (atomic batches that failed) rolled_back. */
    public record Item(String status, String id, String slug, Long version, String code, List<FieldError> errors) {}

    public BatchResult {
        results = List.copyOf(results);
    }

    public boolean failed() {
        return results.stream().anyMatch(i -> i.status().equals("error"));
    }

    BatchResult asRolledBack() {
        return new BatchResult(results.stream().map(i -> i.status().equals("error") ? i
                : new Item("rolled_back", null, i.slug(), null, null, List.of())).toList(), true);
    }
}
