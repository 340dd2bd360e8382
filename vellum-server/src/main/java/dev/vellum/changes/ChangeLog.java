package dev.vellum.changes;

import dev.vellum.storage.ChangeRepository;
import dev.vellum.storage.Database;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The single path by which mutations record themselves: collect changes during a write
 * transaction with a {@link Recorder}, and they are appended before that transaction commits.
 */
public final class ChangeLog {
    public static final int MAX_PAGE = 1000;
    private final Database db;
    private final ChangeRepository repository = new ChangeRepository();

    public ChangeLog(Database db) {
        this.db = db;
    }

    /** Changes collected within one write transaction of one project. */
    public static final class Recorder {
        private final List<Change> pending = new ArrayList<>();

        public void record(Change change) {
            pending.add(change);
        }
    }

    @FunctionalInterface
    public interface ProjectWork<T> {
        T run(Tx tx, Recorder changes) throws SQLException;
    }

    /** Runs {@code work} in one write transaction and appends what it recorded, atomically. */
    public <T> T write(String projectId, ProjectWork<T> work) {
        return db.write(tx -> {
            Recorder recorder = new Recorder();
            T result = work.run(tx, recorder);
            repository.append(tx, projectId, recorder.pending);
            return result;
        });
    }

    public List<Change> since(String projectId, long since, int limit, boolean includeDrafts) {
        return db.read(tx -> repository.since(tx, projectId, since, Math.min(Math.max(limit, 1), MAX_PAGE), includeDrafts));
    }

    public long latest(String projectId) {
        return db.read(tx -> repository.latest(tx, projectId));
    }
}
