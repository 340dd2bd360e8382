package dev.vellum.changes;

import dev.vellum.storage.Database;
import dev.vellum.projects.ProjectRepository;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What this node knows of each project's latest change seq, and who wants to hear when it moves.
 * Commits on this node advance it at once (via {@link ChangeLog#onCommit}); {@link #poll()} reads
 * the sequences from the database to see other nodes' commits. Every seq up to a known latest is
 * committed, so a reader may skip to it once its own query has come back.
 */
public final class ChangeFeed implements ChangeLog.CommitListener {
    private final Database db;
    private final ProjectRepository projects = new ProjectRepository();
    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final List<ChangeLog.CommitListener> listeners = new CopyOnWriteArrayList<>();

    public ChangeFeed(Database db) {
        this.db = db;
    }

    public void subscribe(ChangeLog.CommitListener listener) {
        listeners.add(listener);
    }

    @Override
    public void committed(String projectId, long lastSeq) {
        advance(projectId, lastSeq);
    }

    /** The latest seq known committed in a project (read from the database the first time). */
    public long latest(String projectId) {
        Long known = latest.get(projectId);
        if (known != null) return known;
        long stored = db.read(tx -> projects.changeSeqs(tx)).getOrDefault(projectId, 0L);
        latest.merge(projectId, stored, Math::max);
        return latest.get(projectId);
    }

    /** Reads every project's sequence and tells listeners of those that moved. */
    public void poll() {
        db.read(projects::changeSeqs).forEach(this::advance);
    }

    private void advance(String projectId, long seq) {
        Long before = latest.get(projectId);
        if (before != null && before >= seq) return;
        latest.merge(projectId, seq, Math::max);
        for (ChangeLog.CommitListener l : listeners) l.committed(projectId, seq);
    }
}
