package dev.vellum.webhooks;

import dev.vellum.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** SQL for webhook deliveries: the per-endpoint queue and the delivery log are the same rows. */
public final class DeliveryRepository {
    private static final String COLUMNS = "id, webhook_id, project_id, position, seq, event, payload, status, attempts, next_attempt_at,"
            + " first_attempt_at, last_attempt_at, response_status, response_body, duration_ms, error, resent_from, created_at";

    /** A delivery of a publish, with the URL it goes to, for the publish history. */
    public record PublishDelivery(long seq, String url, Delivery delivery) {}

    public void insert(Tx tx, List<Delivery> deliveries) throws SQLException {
        List<Object[]> rows = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            rows.add(new Object[] {d.id(), d.webhookId(), d.projectId(), d.position(), d.seq(), d.event(), d.payload(), d.status().wire(),
                    d.attempts(), d.nextAttemptAt(), d.firstAttemptAt(), d.lastAttemptAt(), d.responseStatus(), d.responseBody(),
                    d.durationMs(), d.error(), d.resentFrom(), d.createdAt()});
        }
        tx.batch("INSERT INTO webhook_deliveries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public Optional<Delivery> find(Tx tx, String webhookId, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE webhook_id = ? AND id = ?", DeliveryRepository::map,
                webhookId, id);
    }

    /** The log, newest first: deliveries before {@code beforePosition}, optionally of one status. */
    public List<Delivery> list(Tx tx, String webhookId, long beforePosition, String status, int limit) throws SQLException {
        String byStatus = status == null ? "" : " AND status = ?";
        List<Object> params = new ArrayList<>(List.of(webhookId, beforePosition));
        if (status != null) params.add(status);
        params.add((long) limit);
        return tx.list("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE webhook_id = ? AND position < ?" + byStatus
                + " ORDER BY position DESC LIMIT ?", DeliveryRepository::map, params);
    }

    /** The endpoint's queue: its pending deliveries in order. */
    /** Deliveries waiting to be sent or retried, across all webhooks: the queue's depth. */
    public long countPending(Tx tx) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'");
    }

    public List<Delivery> pending(Tx tx, String webhookId, int limit) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE webhook_id = ? AND status = 'pending'"
                + " ORDER BY position LIMIT ?", DeliveryRepository::map, webhookId, (long) limit);
    }

    public void delivered(Tx tx, List<DeliveryAttempt> attempts) throws SQLException {
        List<Object[]> rows = new ArrayList<>(attempts.size());
        for (DeliveryAttempt a : attempts) rows.add(attemptRow(a, "delivered", a.at()));
        tx.batch(RECORD, rows);
    }

    /** Records a failed attempt: pending again at {@code nextAttemptAt}, or failed for good when that is null. */
    public void failed(Tx tx, DeliveryAttempt a, String nextAttemptAt) throws SQLException {
        tx.batch(RECORD, Collections.singletonList(attemptRow(a, nextAttemptAt == null ? "failed" : "pending",
                nextAttemptAt == null ? a.at() : nextAttemptAt)));
    }

    private static final String RECORD = "UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?,"
            + " first_attempt_at = COALESCE(first_attempt_at, ?), last_attempt_at = ?, response_status = ?, response_body = ?,"
            + " duration_ms = ?, error = ? WHERE id = ?";

    private static Object[] attemptRow(DeliveryAttempt a, String status, String next) {
        return new Object[] {status, next, a.at(), a.at(), a.responseStatus(), a.responseBody(), a.durationMs(), a.error(), a.deliveryId()};
    }

    /** The deliveries of the given changes (site.published of publishes), with their webhook's URL. */
    public List<PublishDelivery> forChanges(Tx tx, String projectId, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) return List.of();
        String marks = String.join(", ", Collections.nCopies(seqs.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(projectId);
        params.addAll(seqs);
        return tx.list("SELECT d.id, d.webhook_id, d.project_id, d.position, d.seq, d.event, d.payload, d.status, d.attempts,"
                        + " d.next_attempt_at, d.first_attempt_at, d.last_attempt_at, d.response_status, d.response_body, d.duration_ms,"
                        + " d.error, d.resent_from, d.created_at, w.url FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
                        + " WHERE d.project_id = ? AND d.seq IN (" + marks + ") ORDER BY d.seq, w.id, d.position",
                rs -> new PublishDelivery(rs.getLong("seq"), rs.getString("url"), map(rs)), params);
    }

    /** Forgets finished deliveries (delivered or failed) created before {@code cutoff}. */
    public int deleteFinishedBefore(Tx tx, String cutoff) throws SQLException {
        return tx.update("DELETE FROM webhook_deliveries WHERE created_at < ? AND status <> 'pending'", cutoff);
    }

    private static Delivery map(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        Long seqOrNull = rs.wasNull() ? null : seq;
        int responseStatus = rs.getInt("response_status");
        Integer responseOrNull = rs.wasNull() ? null : responseStatus;
        long duration = rs.getLong("duration_ms");
        Long durationOrNull = rs.wasNull() ? null : duration;
        return new Delivery(rs.getString("id"), rs.getString("webhook_id"), rs.getString("project_id"), rs.getLong("position"),
                seqOrNull, rs.getString("event"), rs.getString("payload"), Delivery.Status.parse(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("next_attempt_at"), rs.getString("first_attempt_at"),
                rs.getString("last_attempt_at"), responseOrNull, rs.getString("response_body"), durationOrNull, rs.getString("error"),
                rs.getString("resent_from"), rs.getString("created_at"));
    }
}
