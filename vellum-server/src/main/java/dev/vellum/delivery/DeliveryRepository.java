package dev.vellum.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vellum.storage.Dialect;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for per-project delivery settings and access tickets (tables of migration V9). */
final class DeliveryRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    Optional<DeliverySettings> settings(Tx tx, String projectId) throws SQLException {
        return tx.one("""
                SELECT cors_origins, cors_allow_credentials, read_cache_control FROM project_delivery WHERE project_id = ?""",
                rs -> new DeliverySettings(origins(rs.getString(1)), rs.getBoolean(2), rs.getString(3)), projectId);
    }

    void save(Tx tx, String projectId, DeliverySettings s) throws SQLException {
        String origins;
        try {
            origins = JSON.writeValueAsString(s.corsOrigins().stream().map(OriginPattern::text).toList());
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write origins", e);
        }
        Object credentials = tx.dialect() == Dialect.SQLITE ? (s.corsAllowCredentials() ? 1 : 0) : s.corsAllowCredentials();
        tx.update("""
                INSERT INTO project_delivery (project_id, cors_origins, cors_allow_credentials, read_cache_control) VALUES (?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET cors_origins = excluded.cors_origins,
                  cors_allow_credentials = excluded.cors_allow_credentials, read_cache_control = excluded.read_cache_control""",
                projectId, origins, credentials, s.readCacheControl());
    }

    void insertTicket(Tx tx, AccessTicket t, String secretHash) throws SQLException {
        tx.update("""
                INSERT INTO access_tickets (id, secret_hash, kind, project_id, token_id, scope, collection_id, entry_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                t.id(), secretHash, t.kind(), t.projectId(), t.tokenId(), t.scope(), t.collectionId(), t.entryId(), t.createdAt(),
                t.expiresAt());
    }

    /** The live ticket of a kind behind a secret hash: not expired, and its minting token neither revoked nor expired. */
    Optional<AccessTicket> liveTicket(Tx tx, String kind, String secretHash, String now) throws SQLException {
        return tx.one("""
                SELECT a.id, a.kind, a.project_id, a.token_id, a.scope, a.collection_id, a.entry_id, a.created_at, a.expires_at
                FROM access_tickets a JOIN tokens k ON k.id = a.token_id
                WHERE a.secret_hash = ? AND a.kind = ? AND a.expires_at > ?
                  AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?)""",
                rs -> new AccessTicket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), secretHash, kind, now, now);
    }

    int deleteExpired(Tx tx, String now) throws SQLException {
        return tx.update("DELETE FROM access_tickets WHERE expires_at <= ?", now);
    }

    private static List<OriginPattern> origins(String json) throws SQLException {
        try {
            List<OriginPattern> out = new ArrayList<>();
            for (var node : JSON.readTree(json)) OriginPattern.parse(node.asText()).ifPresent(out::add);
            return out;
        } catch (JsonProcessingException e) {
            throw new SQLException("stored origins are not JSON", e);
        }
    }
}
