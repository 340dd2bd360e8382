package dev.vellum.content;

import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.Optional;

/** Stored responses of requests made with an Idempotency-Key, kept for 24 hours. */
final class IdempotencyRepository {

    public record Stored(String requestHash, int status, String response) {}

    public Optional<Stored> find(Tx tx, String projectId, String tokenId, String key) throws SQLException {
        return tx.one("SELECT request_hash, status, response FROM idempotency_keys WHERE project_id = ? AND token_id = ? AND key = ?",
                rs -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)), projectId, tokenId, key);
    }

    public void insert(Tx tx, String projectId, String tokenId, String key, Stored s, String now) throws SQLException {
        tx.update("INSERT INTO idempotency_keys (project_id, token_id, key, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                projectId, tokenId, key, s.requestHash(), s.status(), s.response(), now);
    }

    public int deleteOlderThan(Tx tx, String cutoff) throws SQLException {
        return tx.update("DELETE FROM idempotency_keys WHERE created_at < ?", cutoff);
    }
}
