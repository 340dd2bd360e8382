package dev.vellum.changes;

import dev.vellum.storage.Database;
import dev.vellum.storage.Dialect;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The single path by which mutations record themselves: collect changes during a write
 * transaction with a {@link Recorder}, and they are appended before that transaction commits.
 * After the commit, listeners on this node hear of it at once (webhooks, the live stream).
 */
public final class ChangeLog {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChangeLog.class);
    public static final int MAX_PAGE = 1000;
    private final Database db;
    private final ChangeRepository repository = new ChangeRepository();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final WriteGroups groups;

    /**
     * Projects whose row this log has found: a group commit appends their changes once for the whole group. Projects
     * are never deleted, so a project found stays found (a write to one not yet found appends in its own savepoint,
     * where a missing project fails that write alone).
     */
    private final java.util.Set<String> knownProjects = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ChangeLog(Database db) {
        this.db = db;
        this.groups = db.dialect() == Dialect.SQLITE ? new WriteGroups(db, this::appendGroup) : null;
    }

    /** A write's result in a group commit, with its changes when they are to be appended at the group's end (else null). */
    private record Grouped(Object result, String projectId, Recorder deferred) {}

    /**
     * The changes the current group's writes have left to its end so far, in the order the writes ran, and the group's
     * transaction they belong to. Touched only by the thread leading the group, one group at a time.
     */
    private final List<Grouped> groupDeferred = new ArrayList<>();
    private Tx groupTx;

    /** Told after a transaction that appended changes has committed; must return quickly. */
    @FunctionalInterface
    public interface CommitListener {
        void committed(String projectId, long lastSeq);
    }

    /** Work to do in the same transaction once a recorded change has its seq. */
    @FunctionalInterface
    public interface Appended {
        void run(Tx tx, long seq) throws SQLException;
    }

    /** Changes collected within one write transaction of one project. */
    public static final class Recorder {
        private final List<Change> pending = new ArrayList<>();
        private final List<AfterAppend> after = new ArrayList<>();
        private long lastSeq;
        /** Left to the group's end, but appended by a later write of the same project that needed its seq at once. */
        private boolean appendedEarly;

        private record AfterAppend(int index, Appended work) {}

        public void record(Change change) {
            pending.add(change);
        }

        /** Records {@code change} and runs {@code then} with its seq, still inside the transaction. */
        public void record(Change change, Appended then) {
            after.add(new AfterAppend(pending.size(), then));
            pending.add(change);
        }
    }

    @FunctionalInterface
    public interface ProjectWork<T> {
        T run(Tx tx, Recorder changes) throws SQLException;
    }

    public void onCommit(CommitListener listener) {
        listeners.add(listener);
    }

    /**
     * Runs {@code work} in one write transaction and appends what it recorded, atomically; returns
     * once that transaction has committed. On SQLite, writes that arrive together share one
     * transaction (see {@link WriteGroups}), each in its own savepoint: a failing write rolls back
     * only itself. On PostgreSQL each write is its own transaction (the server already shares WAL
     * flushes between concurrent commits, and writers of one project queue on its sequence row).
     */
    @SuppressWarnings("unchecked")
    public <T> T write(String projectId, ProjectWork<T> work) {
        Recorder recorder = new Recorder();
        T result;
        if (groups == null) {
            result = db.write(tx -> {
                T r = work.run(tx, recorder);
                append(tx, projectId, recorder);
                return r;
            });
        } else {
            WriteGroups.Member member = tx -> {
                recorder.pending.clear();
                recorder.after.clear();
                recorder.appendedEarly = false;
                T r = work.run(tx, recorder);
                if (groupTx != tx) { // the first write of a new group
                    groupDeferred.clear();
                    groupTx = tx;
                }
                if (recorder.pending.isEmpty()) return new Grouped(r, projectId, null);
                if (recorder.after.isEmpty() && knownProjects.contains(projectId)) {
                    Grouped deferred = new Grouped(r, projectId, recorder);
                    groupDeferred.add(deferred);
                    return deferred;
                }
                appendInline(tx, projectId, recorder); // work that needs its seq, or a project not seen yet
                knownProjects.add(projectId);
                return new Grouped(r, projectId, null);
            };
            try {
                result = (T) ((Grouped) groups.run(member)).result();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw dev.vellum.storage.SqlErrors.translate(e instanceof SQLException s ? s : new SQLException(e));
            }
        }
        if (!recorder.pending.isEmpty()) {
            for (CommitListener l : listeners) {
                try {
                    l.committed(projectId, recorder.lastSeq);
                } catch (RuntimeException e) {
                    log.warn("change listener failed after commit: {}", e.toString()); // the write stands; pollers catch up
                }
            }
        }
        return result;
    }

    /**
     * Appends a group member's changes in its own savepoint. Changes of the same project that earlier writes of the group
     * left to its end go first, so the project's records stay numbered in the order the writes ran (a publish's seq
     * comes after the entry writes before it); should this write fail, its savepoint undoes them too and they are
     * appended at the group's end after all.
     */
    private void appendInline(Tx tx, String projectId, Recorder recorder) throws SQLException {
        List<Recorder> earlier = new ArrayList<>();
        for (Grouped g : groupDeferred) {
            if (g.projectId().equals(projectId) && !g.deferred().appendedEarly) earlier.add(g.deferred());
        }
        try {
            for (Recorder e : earlier) {
                append(tx, projectId, e);
                e.appendedEarly = true;
            }
            append(tx, projectId, recorder);
        } catch (SQLException | RuntimeException e) {
            for (Recorder r : earlier) r.appendedEarly = false;
            throw e;
        }
    }

    private void append(Tx tx, String projectId, Recorder recorder) throws SQLException {
        long first = repository.append(tx, projectId, recorder.pending);
        for (Recorder.AfterAppend a : recorder.after) a.work().run(tx, first + a.index());
        recorder.lastSeq = first + recorder.pending.size() - 1;
    }

    /**
     * At the end of a group commit, the changes its writes left to it, appended together: per project one update of
     * its sequence and, for all of them, one batch of rows. Numbered in the order the writes ran, each write's changes
     * consecutive; all of them become visible with the group's commit, so the log stays gap-free and in commit order.
     */
    private void appendGroup(Tx tx, List<Object> results) throws SQLException {
        java.util.Map<String, List<Recorder>> byProject = new java.util.LinkedHashMap<>();
        for (Object r : results) {
            if (r instanceof Grouped g && g.deferred() != null && !g.deferred().appendedEarly) byProject.computeIfAbsent(g.projectId(), k -> new ArrayList<>()).add(g.deferred());
        }
        groupDeferred.clear();
        groupTx = null;
        if (byProject.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>();
        for (var project : byProject.entrySet()) {
            int n = 0;
            for (Recorder r : project.getValue()) n += r.pending.size();
            long seq = repository.reserve(tx, project.getKey(), n);
            for (Recorder r : project.getValue()) {
                ChangeRepository.addRows(rows, project.getKey(), seq, r.pending);
                seq += r.pending.size();
                r.lastSeq = seq - 1;
            }
        }
        repository.insert(tx, rows);
    }

    /** Group commit so far: {groups committed, writes they held}; zeros on PostgreSQL. */
    public long[] groupStatistics() {
        return groups == null ? new long[] {0, 0} : new long[] {groups.groups(), groups.writes()};
    }

    /** Writes waiting for the next group (0 on PostgreSQL). */
    public int queuedWrites() {
        return groups == null ? 0 : groups.queued();
    }

    public List<Change> since(String projectId, long since, int limit, boolean includeDrafts) {
        return db.read(tx -> repository.since(tx, projectId, since, Math.min(Math.max(limit, 1), MAX_PAGE), includeDrafts));
    }

    /**
     * A page of the log as the JSON bytes of {@code GET …/changes}: {@code {"data": [...], "next_since": …,
     * "has_more": …}}, written straight from the rows as they are read.
     */
    public byte[] sinceJson(String projectId, long since, int limit, boolean includeDrafts) {
        int n = Math.min(Math.max(limit, 1), MAX_PAGE);
        return db.read(tx -> {
            var out = new com.fasterxml.jackson.core.util.ByteArrayBuilder(8192);
            try (var g = ChangeJson.JSON.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeArrayFieldStart("data");
                long[] last = {since};
                List<Long> rows = repository.scan(tx, projectId, since, n, includeDrafts, rs -> {
                    try {
                        ChangeJson.write(rs, g);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    last[0] = rs.getLong(1);
                    return last[0];
                });
                g.writeEndArray();
                g.writeNumberField("next_since", last[0]);
                g.writeBooleanField("has_more", rows.size() == limit);
                g.writeEndObject();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    public long latest(String projectId) {
        return db.read(tx -> repository.latest(tx, projectId));
    }
}
