package dev.vellum.auth;

/**
 * A stored token (never its secret). {@code projectId} is null for the instance admin token.
 * {@code previousValidUntil}: after a rotation, until when the previous secret still works.
 */
public record Token(
        String id,
        String projectId,
        String name,
        Scope scope,
        String createdAt,
        String expiresAt,
        String lastUsedAt,
        String revokedAt,
        String previousValidUntil) {}
