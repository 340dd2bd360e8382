package dev.vellum.graphql;

import dev.vellum.auth.Access;
import dev.vellum.auth.Principal;

/**
 * Who runs a GraphQL query, as the draft rules need it: whether drafts are visible, and for a preview
 * token the collection (and entry) it is limited to. Top-level fields outside a preview's scope are
 * refused; references that lead outside it resolve to published entries only.
 */
public record Viewer(String projectId, boolean drafts, String collection, String entry) {

    public static Viewer of(Principal principal, String projectId) {
        return switch (principal) {
            case Principal.Preview p -> new Viewer(projectId, true, p.collectionId(), p.entryId());
            default -> new Viewer(projectId, Access.seesDrafts(principal), null, null);
        };
    }

    /** Whether drafts of {@code collectionId} are visible to this viewer. */
    boolean draftsOf(String collectionId) {
        return drafts && (collection == null || collection.equals(collectionId));
    }

    /** Whether a top-level field may read {@code collectionId} (and, when given, the entry {@code id}). */
    boolean mayQuery(String collectionId, String id) {
        if (collection != null && !collection.equals(collectionId)) return false;
        return entry == null || entry.equals(id);
    }
}
