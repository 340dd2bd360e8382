package dev.vellum.auth;

/**
 * Who is calling: the instance admin, a token of one project with one scope, or a short-lived preview
 * token that reads drafts and published entries of one project, optionally of one collection or one entry.
 */
public sealed interface Principal {
    String tokenId();

    record InstanceAdmin(String tokenId) implements Principal {}

    record ProjectToken(String tokenId, String projectId, Scope scope) implements Principal {}

    /** {@code collectionId}/{@code entryId}: null when the preview is not narrowed to one. */
    record Preview(String tokenId, String projectId, String collectionId, String entryId) implements Principal {
        /** Whether this preview may read {@code collection} (and, when given, the entry {@code entry}). */
        public boolean covers(String collection, String entry) {
            if (collectionId != null && !collectionId.equals(collection)) return false;
            return entryId == null || entry == null || entryId.equals(entry);
        }
    }
}
