package dev.vellum.delivery;

/**
 * A short-lived secret minted with a token (only its hash is stored). {@code kind}: {@code preview}
 * (reads drafts within the project, collection or entry it names) or {@code stream} (opens the live
 * change stream with the minting token's rights). {@code scope}: the minter's scope, or
 * {@code instance} for the instance admin.
 */
public record AccessTicket(String id, String kind, String projectId, String tokenId, String scope, String collectionId,
                           String entryId, String createdAt, String expiresAt) {
    public static final String PREVIEW = "preview";
    public static final String STREAM = "stream";
    public static final String INSTANCE = "instance";
}
