package dev.vellum.sync;

import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.List;

/** SQL for which Directus file holds which Vellum asset (per project and Directus). */
final class SyncFileRepository {

    /** Every {file id, asset id} pair remembered for a Directus, oldest first (the first file of an asset is the one pushed). */
    List<String[]> all(Tx tx, String projectId, String directus) throws SQLException {
        return tx.list("SELECT file_id, asset_id FROM sync_files WHERE project_id = ? AND directus = ? ORDER BY created_at, file_id",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, projectId, directus);
    }

    void remember(Tx tx, String projectId, String directus, String fileId, String assetId, String now) throws SQLException {
        tx.update("INSERT INTO sync_files (project_id, directus, file_id, asset_id, created_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (project_id, directus, file_id) DO UPDATE SET asset_id = excluded.asset_id", projectId, directus, fileId,
                assetId, now);
    }

    /** Forgets a Directus file that is gone from Directus (it is uploaded again when next needed). */
    void forgetFile(Tx tx, String projectId, String directus, String fileId) throws SQLException {
        tx.update("DELETE FROM sync_files WHERE project_id = ? AND directus = ? AND file_id = ?", projectId, directus, fileId);
    }
}
