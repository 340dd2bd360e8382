package dev.vellum.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.storage.Dialect;
import dev.vellum.storage.JsonColumns;
import dev.vellum.storage.Tx;
import dev.vellum.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * SQL for jobs and their leases. A node leases a due job (queued, or running under a lease that expired
 * because its node died) with FOR UPDATE SKIP LOCKED on PostgreSQL, so nodes never wait for each other;
 * on SQLite the one writer connection serialises leases. Every write by a runner names its lease owner,
 * so a node that lost its lease can no longer change the job.
 */
final class JobRepository {
    private static final String COLUMNS = "id, project_id, kind, status, params, progress, result, error, attempts,"
            + " cancel_requested, created_at, started_at, finished_at";

    /** A job with what only its runner sees. */
    record Leased(Job job, String sealedSecrets, JsonNode checkpoint) {}

    void insert(Tx tx, Job j, String sealedSecrets) throws SQLException {
        tx.update("INSERT INTO jobs (id, project_id, kind, status, params, secrets, attempts, cancel_requested, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                j.id(), j.projectId(), j.kind(), j.status().wire(), JsonColumns.write(j.params()), sealedSecrets, false,
                time(j.createdAt()), time(j.createdAt()));
    }

    Optional<Job> find(Tx tx, String projectId, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM jobs WHERE project_id = ? AND id = ?", JobRepository::map, projectId, id);
    }

    /** Newest first; {@code kind} null for every kind; {@code before} an id to page from (exclusive), or null. */
    List<Job> list(Tx tx, String projectId, String kind, String before, int limit) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(projectId));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE project_id = ?");
        if (kind != null) {
            sql.append(" AND kind = ?");
            params.add(kind);
        }
        if (before != null) {
            sql.append(" AND id < ?");
            params.add(before);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add((long) limit);
        return tx.list(sql.toString(), JobRepository::map, params);
    }

    /** Asks a job to stop: a queued job is cancelled at once, a running one when its handler next looks. */
    boolean requestCancel(Tx tx, String projectId, String id, Instant now) throws SQLException {
        String t = time(now);
        int queued = tx.update("UPDATE jobs SET status = 'cancelled', cancel_requested = ?, finished_at = ?, updated_at = ?"
                + " WHERE project_id = ? AND id = ? AND status = 'queued'", true, t, t, projectId, id);
        if (queued == 1) return true;
        return tx.update("UPDATE jobs SET cancel_requested = ?, updated_at = ? WHERE project_id = ? AND id = ? AND status = 'running'",
                true, t, projectId, id) == 1;
    }

    /** Ends jobs whose lease expired once too often: their work keeps stopping the node that runs it. */
    int abandon(Tx tx, Instant now, int maxAttempts) throws SQLException {
        String t = time(now);
        return tx.update("UPDATE jobs SET status = 'failed', error = ?, finished_at = ?, updated_at = ?, lease_owner = NULL,"
                        + " lease_until = NULL WHERE status = 'running' AND lease_until < ? AND attempts >= ?",
                "abandoned: the node running it stopped " + maxAttempts + " times", t, t, t, (long) maxAttempts);
    }

    /** Leases the oldest due job of one of {@code kinds} (or the one job {@code onlyId}), or nothing. */
    Optional<Leased> leaseNext(Tx tx, Collection<String> kinds, String onlyId, String owner, Instant now, Instant until)
            throws SQLException {
        if (kinds.isEmpty()) return Optional.empty();
        String t = time(now);
        List<Object> params = new ArrayList<>(List.of(t));
        StringBuilder sql = new StringBuilder("SELECT id FROM jobs WHERE (status = 'queued' OR (status = 'running' AND"
                + " (lease_until IS NULL OR lease_until < ?))) AND kind IN (");
        sql.append(String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"))).append(')');
        params.addAll(kinds);
        if (onlyId != null) {
            sql.append(" AND id = ?");
            params.add(onlyId);
        }
        sql.append(" ORDER BY id LIMIT 1");
        if (tx.dialect() == Dialect.POSTGRES) sql.append(" FOR UPDATE SKIP LOCKED");
        Optional<String> id = tx.list(sql.toString(), rs -> rs.getString(1), params).stream().findFirst();
        if (id.isEmpty()) return Optional.empty();
        tx.update("UPDATE jobs SET status = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1,"
                        + " started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = ?",
                owner, time(until), t, t, id.get());
        return tx.one("SELECT " + COLUMNS + ", secrets, checkpoint FROM jobs WHERE id = ?",
                rs -> new Leased(map(rs), rs.getString(14), json(rs.getString(15))), id.get());
    }

    /** Extends a lease this node holds; empty when it lost it, else whether cancelling was asked. */
    Optional<Boolean> extend(Tx tx, String id, String owner, Instant until, JsonNode progress) throws SQLException {
        int n = progress == null
                ? tx.update("UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'running'",
                        time(until), id, owner)
                : tx.update("UPDATE jobs SET lease_until = ?, progress = ?, updated_at = ? WHERE id = ? AND lease_owner = ?"
                        + " AND status = 'running'", time(until), JsonColumns.write(progress), Timestamps.now(), id, owner);
        if (n == 0) return Optional.empty();
        return tx.one("SELECT cancel_requested FROM jobs WHERE id = ?", rs -> rs.getBoolean(1), id);
    }

    boolean saveProgress(Tx tx, String id, String owner, JsonNode progress) throws SQLException {
        return tx.update("UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'",
                JsonColumns.write(progress), Timestamps.now(), id, owner) == 1;
    }

    boolean saveCheckpoint(Tx tx, String id, String owner, JsonNode checkpoint) throws SQLException {
        return tx.update("UPDATE jobs SET checkpoint = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'",
                JsonColumns.write(checkpoint), Timestamps.now(), id, owner) == 1;
    }

    boolean finish(Tx tx, String id, String owner, JobStatus status, JsonNode progress, JsonNode result, String error, Instant now)
            throws SQLException {
        String t = time(now);
        return tx.update("UPDATE jobs SET status = ?, progress = COALESCE(?, progress), result = ?, error = ?, finished_at = ?,"
                        + " updated_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'",
                status.wire(), progress == null ? null : JsonColumns.write(progress), result == null ? null : JsonColumns.write(result),
                error, t, t, id, owner) == 1;
    }

    /** Gives a lease back without ending the job (its node is stopping): any node may lease it again at once. */
    void release(Tx tx, String id, String owner) throws SQLException {
        tx.update("UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'running'",
                id, owner);
    }

    /** On a single node (SQLite) every lease left in the database belongs to a process that is gone. */
    void releaseAll(Tx tx) throws SQLException {
        tx.update("UPDATE jobs SET lease_until = NULL WHERE status = 'running'");
    }

    private static Job map(ResultSet rs) throws SQLException {
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), JobStatus.fromWire(rs.getString(4)),
                json(rs.getString(5)), json(rs.getString(6)), json(rs.getString(7)), rs.getString(8), rs.getInt(9),
                rs.getBoolean(10), instant(rs.getString(11)), instant(rs.getString(12)), instant(rs.getString(13)));
    }

    private static JsonNode json(String s) throws SQLException {
        return s == null ? null : JsonColumns.read(s);
    }

    private static Instant instant(String s) {
        return s == null ? null : Timestamps.parse(s);
    }

    private static String time(Instant i) {
        return Timestamps.format(i);
    }
}
