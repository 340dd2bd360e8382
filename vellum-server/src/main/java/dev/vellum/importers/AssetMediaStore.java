package dev.vellum.importers;

import dev.vellum.assets.Asset;
import dev.vellum.assets.AssetService;
import dev.vellum.assets.AssetUpload;
import dev.vellum.assets.StoredAsset;
import dev.vellum.error.VellumException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Re-hosted media in the asset store: downloads go through {@link AssetService#fetch} (outbound policy, size limit, deadline). */
public final class AssetMediaStore implements MediaStore {
    private final AssetService assets;

    public AssetMediaStore(AssetService assets) {
        this.assets = assets;
    }

    @Override
    public MediaResolver.Rehosted fetch(String projectId, URI url, String alt) throws MediaFailure {
        String path = url.getPath() == null ? "" : url.getPath();
        String filename = path.isEmpty() ? null : path.substring(path.lastIndexOf('/') + 1);
        try {
            return rehosted(assets.fetch(projectId, url, new AssetUpload(filename, null, alt, null)));
        } catch (VellumException e) {
            throw new MediaFailure(e.code() + ": " + e.detail(), retryable(e));
        } catch (RuntimeException e) {
            throw new MediaFailure("cannot store the file: " + e.getMessage(), false);
        }
    }

    /** Timeouts, unreachable hosts, 5xx and 429 may pass; 4xx, refused destinations, sizes and types do not. */
    static boolean retryable(VellumException e) {
        if (e.code().equals("fetch_timeout")) return true;
        if (!e.code().equals("fetch_failed")) return false;
        String d = String.valueOf(e.detail());
        return !d.contains("HTTP 4") || d.contains("HTTP 429");
    }

    @Override
    public MediaResolver.Rehosted upload(String projectId, Path file, String alt) throws MediaFailure {
        try (InputStream in = Files.newInputStream(file)) {
            return rehosted(assets.upload(projectId, in, new AssetUpload(file.getFileName().toString(), null, alt, null)));
        } catch (IOException e) {
            throw new MediaFailure("cannot read " + file.getFileName() + ": " + e.getMessage(), false);
        } catch (VellumException e) {
            throw new MediaFailure(e.code() + ": " + e.detail(), false);
        }
    }

    @Override
    public InputStream open(String projectId, String assetId) throws IOException {
        if (assets.get(projectId, assetId).isEmpty()) throw new IOException("no asset " + assetId + " in this project");
        return assets.open(projectId, assetId);
    }

    @Override
    public String url(String projectId, String assetId) {
        return assets.get(projectId, assetId).map(assets::url).orElse(null);
    }

    private MediaResolver.Rehosted rehosted(StoredAsset s) {
        Asset a = s.asset();
        return new MediaResolver.Rehosted(a.id(), assets.url(a), a.width(), a.height());
    }
}
