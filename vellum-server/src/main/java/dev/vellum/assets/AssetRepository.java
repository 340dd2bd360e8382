package dev.vellum.assets;

import dev.vellum.storage.Tx;
import dev.vellum.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for assets, their variants and the per-project asset settings. */
final class AssetRepository {
    private static final String COLUMNS = """
            project_id, id, url_key, sha256, filename, content_type, size, width, height, alt, title, created_at, updated_at""";

    void insert(Tx tx, Asset a) throws SQLException {
        tx.update("INSERT INTO assets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.projectId(), a.id(), a.urlKey(), a.sha256(), a.filename(), a.contentType(), a.size(), a.width(), a.height(),
                a.alt(), a.title(), Timestamps.format(a.createdAt()), Timestamps.format(a.updatedAt()));
    }

    Optional<Asset> find(Tx tx, String projectId, String id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM assets WHERE project_id = ? AND id = ?", AssetRepository::asset, projectId, id);
    }

    List<Asset> findMany(Tx tx, String projectId, java.util.Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) return List.of();
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(projectId);
        params.addAll(ids);
        return tx.list("SELECT " + COLUMNS + " FROM assets WHERE project_id = ? AND id IN (" + marks + ")", AssetRepository::asset, params);
    }

    Optional<Asset> findBySha256(Tx tx, String projectId, String sha256) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM assets WHERE project_id = ? AND sha256 = ?", AssetRepository::asset, projectId, sha256);
    }

    Optional<Asset> findByUrlKey(Tx tx, String projectId, String urlKey) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM assets WHERE url_key = ? AND project_id = ?", AssetRepository::asset, urlKey, projectId);
    }

    /** Newest first; {@code beforeId}: the last id of the previous page. */
    List<Asset> list(Tx tx, String projectId, String type, String filename, String beforeId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM assets WHERE project_id = ?");
        List<Object> params = new ArrayList<>(List.of(projectId));
        if (type != null) {
            if (type.endsWith("/*") || !type.contains("/")) {
                sql.append(" AND content_type LIKE ? ESCAPE '\\'");
                params.add(escapeLike(type.endsWith("/*") ? type.substring(0, type.length() - 1) : type + "/") + "%");
            } else {
                sql.append(" AND content_type = ?");
                params.add(type);
            }
        }
        if (filename != null) {
            sql.append(" AND LOWER(filename) LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(filename.toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            params.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add((long) limit);
        return tx.list(sql.toString(), AssetRepository::asset, params);
    }

    void updateText(Tx tx, String projectId, String id, String alt, String title, String updatedAt) throws SQLException {
        tx.update("UPDATE assets SET alt = ?, title = ?, updated_at = ? WHERE project_id = ? AND id = ?", alt, title, updatedAt, projectId, id);
    }

    void delete(Tx tx, String projectId, String id) throws SQLException {
        tx.update("DELETE FROM asset_variants WHERE project_id = ? AND asset_id = ?", projectId, id);
        tx.update("DELETE FROM assets WHERE project_id = ? AND id = ?", projectId, id);
    }

    /** Assets created before {@code before}, oldest first (purge candidates; references are checked by the caller). */
    List<Asset> createdBefore(Tx tx, String projectId, String before, String afterId, int limit) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM assets WHERE project_id = ? AND created_at < ? AND id > ? ORDER BY id LIMIT ?",
                AssetRepository::asset, projectId, before, afterId == null ? "" : afterId, (long) limit);
    }

    long totalBytes(Tx tx) throws SQLException {
        return tx.count("SELECT COALESCE(SUM(size), 0) FROM assets") + tx.count("SELECT COALESCE(SUM(size), 0) FROM asset_variants");
    }

    // --- variants --------------------------------------------------------------------------------

    Optional<Variant> findVariant(Tx tx, String projectId, String assetId, String spec) throws SQLException {
        return tx.one("SELECT spec, content_type, size, width, height FROM asset_variants WHERE project_id = ? AND asset_id = ? AND spec = ?",
                rs -> new Variant(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5)), projectId, assetId, spec);
    }

    long countVariants(Tx tx, String projectId, String assetId) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM asset_variants WHERE project_id = ? AND asset_id = ?", projectId, assetId);
    }

    List<String> variantSpecs(Tx tx, String projectId, String assetId) throws SQLException {
        return tx.list("SELECT spec FROM asset_variants WHERE project_id = ? AND asset_id = ?", rs -> rs.getString(1), projectId, assetId);
    }

    /** Records a variant; false when another request recorded it first. */
    boolean insertVariant(Tx tx, String projectId, String assetId, Variant v) throws SQLException {
        if (findVariant(tx, projectId, assetId, v.spec()).isPresent()) return false;
        tx.update("INSERT INTO asset_variants (project_id, asset_id, spec, content_type, size, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                projectId, assetId, v.spec(), v.contentType(), v.size(), v.width(), v.height(), Timestamps.now());
        return true;
    }

    // --- settings --------------------------------------------------------------------------------

    Optional<Boolean> isPublic(Tx tx, String projectId) throws SQLException {
        return tx.one("SELECT public FROM asset_settings WHERE project_id = ?", rs -> rs.getBoolean(1), projectId);
    }

    void setPublic(Tx tx, String projectId, boolean isPublic) throws SQLException {
        if (tx.update("UPDATE asset_settings SET public = ?, updated_at = ? WHERE project_id = ?", isPublic, Timestamps.now(), projectId) == 0) {
            tx.update("INSERT INTO asset_settings (project_id, public, updated_at) VALUES (?, ?, ?)", projectId, isPublic, Timestamps.now());
        }
    }

    boolean projectExists(Tx tx, String projectId) throws SQLException {
        return tx.one("SELECT 1 FROM projects WHERE id = ?", rs -> true, projectId).isPresent();
    }

    private static Asset asset(ResultSet rs) throws SQLException {
        return new Asset(rs.getString("id"), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size"),
                rs.getString("sha256"), integer(rs, "width"), integer(rs, "height"), rs.getString("alt"), rs.getString("title"),
                Timestamps.parse(rs.getString("created_at")), rs.getString("project_id"), rs.getString("url_key"),
                Timestamps.parse(rs.getString("updated_at")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
