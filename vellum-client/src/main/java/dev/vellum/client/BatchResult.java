package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Per-item outcome of a batch, in request order. {@code rolledBack}: an atomic batch had a bad item,
 * so nothing was written (the server's 422 {@code batch_failed}); the bad items carry their errors and
 * the others say {@code rolled_back}.
 */
public record BatchResult(List<Item> results, boolean rolledBack) {

    /**
     * @param status {@code created}, {@code updated}, {@code unchanged}, {@code error} or {@code rolled_back}
     * @param errors for an error: what is wrong, with paths like {@code entries[2].fields.title}
     */
    public record Item(String status, String id, String slug, Long version, String code, List<FieldError> errors) {
        public Item {
            errors = List.copyOf(errors);
        }

        public boolean failed() {
            return "error".equals(status);
        }

        static Item from(JsonNode n) {
            return new Item(Json.text(n, "status"), Json.text(n, "id"), Json.text(n, "slug"), Json.longOrNull(n, "version"),
                    Json.text(n, "code"), Json.list(n, "errors", Json::fieldError));
        }
    }

    public BatchResult {
        results = List.copyOf(results);
    }

    /** Whether any item failed. */
    public boolean failed() {
        return rolledBack || results.stream().anyMatch(Item::failed);
    }

    /** The ids of the items written (created, updated or unchanged), in request order. */
    public List<String> ids() {
        return results.stream().filter(i -> i.id() != null).map(Item::id).toList();
    }

    static BatchResult from(JsonNode n, boolean rolledBack) {
        return new BatchResult(Json.list(n, "results", Item::from), rolledBack);
    }
}
