package dev.vellum.auth;

import dev.vellum.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for tokens. Secrets are never stored, only their hashes. */
final class TokenRepository {
    private static final String COLUMNS =
            "id, project_id, name, scope, created_at, expires_at, last_used_at, revoked_at, previous_valid_until";

    /** A token found by the hash of a presented secret, and whether that was the previous (rotated) secret. */
    public record Match(Token token, boolean previous) {}

    public void insert(Tx tx, Token t, String secretHash) throws SQLException {
        tx.update("INSERT INTO tokens (" + COLUMNS + ", secret_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.id(), t.projectId(), t.name(), t.scope().wire(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                t.revokedAt(), t.previousValidUntil(), secretHash);
    }

    public Optional<Match> findBySecretHash(Tx tx, String hash) throws SQLException {
        return tx.one("SELECT " + COLUMNS + ", secret_hash FROM tokens WHERE secret_hash = ? OR previous_hash = ?",
                rs -> new Match(map(rs), !hash.equals(rs.getString("secret_hash"))), hash, hash);
    }

    public Optional<Token> find(Tx tx, String projectId, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM tokens WHERE project_id = ? AND id = ?", TokenRepository::map, projectId, id);
    }

    public List<Token> list(Tx tx, String projectId) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM tokens WHERE project_id = ? ORDER BY created_at, id",
                TokenRepository::map, projectId);
    }

    public boolean instanceAdminExists(Tx tx) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM tokens WHERE project_id IS NULL AND revoked_at IS NULL") > 0;
    }

    public boolean hashExists(Tx tx, String hash) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM tokens WHERE secret_hash = ?", hash) > 0;
    }

    public void revoke(Tx tx, String id, String now) throws SQLException {
        tx.update("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id);
    }

    public void rotate(Tx tx, String id, String newHash, String previousValidUntil) throws SQLException {
        if (previousValidUntil == null) {
            tx.update("UPDATE tokens SET previous_hash = NULL, previous_valid_until = NULL, secret_hash = ? WHERE id = ?",
                    newHash, id);
        } else {
            tx.update("UPDATE tokens SET previous_hash = secret_hash, previous_valid_until = ?, secret_hash = ? WHERE id = ?",
                    previousValidUntil, newHash, id);
        }
    }

    /** Writes last-use times collected in memory; a token's time only moves forward. */
    public void touch(Tx tx, Map<String, String> lastUsed) throws SQLException {
        tx.batch("UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                lastUsed.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey(), e.getValue()}).toList());
    }

    /** Adds collected route use to the audit: counts add up, the last use only moves forward. */
    public void recordUse(Tx tx, List<RouteUse> uses) throws SQLException {
        tx.batch("""
                INSERT INTO token_usage (token_id, method, route, count, last_used_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (token_id, method, route) DO UPDATE SET count = token_usage.count + excluded.count,
                    last_used_at = CASE WHEN excluded.last_used_at > token_usage.last_used_at
                                        THEN excluded.last_used_at ELSE token_usage.last_used_at END""",
                uses.stream().map(u -> new Object[] {u.tokenId(), u.use().method(), u.use().route(), u.use().count(), u.use().lastUsedAt()})
                        .toList());
    }

    /** A route use of one token, as collected in memory. */
    public record RouteUse(String tokenId, dev.vellum.auth.RouteUse use) {}

    public List<dev.vellum.auth.RouteUse> usage(Tx tx, String tokenId) throws SQLException {
        return tx.list("SELECT method, route, count, last_used_at FROM token_usage WHERE token_id = ? ORDER BY last_used_at DESC, route",
                rs -> new dev.vellum.auth.RouteUse(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)), tokenId);
    }

    private static Token map(ResultSet rs) throws SQLException {
        return new Token(rs.getString("id"), rs.getString("project_id"), rs.getString("name"),
                Scope.parse(rs.getString("scope")).orElseThrow(), rs.getString("created_at"), rs.getString("expires_at"),
                rs.getString("last_used_at"), rs.getString("revoked_at"), rs.getString("previous_valid_until"));
    }
}
