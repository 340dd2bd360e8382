package dev.vellum.changes;

import dev.vellum.storage.Database;
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

    public ChangeLog(Database db) {
        this.db = db;
    }

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

    /** Runs {@code work} in one write transaction and appends what it recorded, atomically. */
    public <T> T write(String projectId, ProjectWork<T> work) {
        Recorder recorder = new Recorder();
        T result = db.write(tx -> {
            recorder.pending.clear();
            recorder.after.clear();
            T r = work.run(tx, recorder);
            long first = repository.append(tx, projectId, recorder.pending);
            for (Recorder.AfterAppend a : recorder.after) a.work().run(tx, first + a.index());
            recorder.lastSeq = first + recorder.pending.size() - 1;
            return r;
        });
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

    public List<Change> since(String projectId, long since, int limit, boolean includeDrafts) {
        return db.read(tx -> repository.since(tx, projectId, since, Math.min(Math.max(limit, 1), MAX_PAGE), includeDrafts));
    }

    public long latest(String projectId) {
        return db.read(tx -> repository.latest(tx, projectId));
    }
}
