package dev.vellum.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A project token as listed (never with its secret). {@code previousValidUntil}: after a rotation with a
 * grace period, until when the old secret still works; null otherwise.
 */
public record Token(String id, String name, Scope scope, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                    Instant revokedAt, Instant previousValidUntil) {

    public boolean revoked() {
        return revokedAt != null;
    }

    static Token from(JsonNode n) {
        return new Token(Json.text(n, "id"), Json.text(n, "name"), Scope.parse(Json.text(n, "scope")),
                Json.instant(n, "created_at"), Json.instant(n, "expires_at"), Json.instant(n, "last_used_at"),
                Json.instant(n, "revoked_at"), Json.instant(n, "previous_valid_until"));
    }
}
