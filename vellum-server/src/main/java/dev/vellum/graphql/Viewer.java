package dev.vellum.graphql;

import dev.vellum.auth.Access;
import dev.vellum.auth.Principal;
import dev.vellum.auth.Scope;
import dev.vellum.error.VellumException;

/**
 * Who runs a GraphQL query, as the draft rules need it: whether drafts are visible, and for a preview
 * token the collection (and entry) it is limited to. Top-level fields outside a preview's scope are
 * refused; references that lead outside it resolve to published entries only. Mutations need a token
 * with write scope and a POST ({@code post}); {@code principal} is null where nobody may write.
 */
public record Viewer(String projectId, boolean drafts, String collection, String entry, Principal principal, boolean post) {

    public Viewer(String projectId, boolean drafts, String collection, String entry) {
        this(projectId, drafts, collection, entry, null, false);
    }

    public static Viewer of(Principal principal, String projectId) {
        return of(principal, projectId, false);
    }

    /** {@code post}: the request came as a POST, the only method that may carry a mutation. */
    public static Viewer of(Principal principal, String projectId, boolean post) {
        return switch (principal) {
            case Principal.Preview p -> new Viewer(projectId, true, p.collectionId(), p.entryId(), principal, post);
            default -> new Viewer(projectId, Access.seesDrafts(principal), null, null, principal, post);
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

    /** The token id a mutation records in the change log; refused unless a write-scoped token sent it with POST. */
    String writer() {
        if (principal == null) throw new VellumException.Forbidden("insufficient_scope", "This caller cannot write");
        Access.require(principal, projectId, Scope.WRITE);
        if (!post) throw new VellumException.BadRequest("graphql_mutation_needs_post", "Mutations are sent with POST");
        return principal.tokenId();
    }
}
