package dev.vellum.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The asset settings, resolved: upload limits, allowed types, the storage backend, fetching and variant limits. */
public record AssetSettings(
        long maxBytes,
        List<String> allowedTypes,
        String store,
        Path localDir,
        Path spoolDir,
        S3 s3,
        Duration fetchTimeout,
        int fetchMaxRedirects,
        long maxPixels,
        int variantMaxDimension,
        int variantsPerAsset) {

    /** An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, S3Proxy). */
    public record S3(Optional<String> endpoint, String region, String bucket, String prefix, boolean pathStyle,
                     Optional<String> accessKeyId, Optional<String> secretAccessKey) {}

    public AssetSettings {
        allowedTypes = List.copyOf(allowedTypes);
        if (maxBytes < 1) throw new IllegalArgumentException(Settings.ASSET_MAX_BYTES.env() + " must be at least 1");
        if (!store.equals("local") && !store.equals("s3")) {
            throw new IllegalArgumentException(Settings.ASSET_STORE.env() + " must be local or s3, got '" + store + "'");
        }
        if (store.equals("s3") && s3.bucket().isBlank()) {
            throw new IllegalArgumentException(Settings.S3_BUCKET.env() + " is required with " + Settings.ASSET_STORE.env() + "=s3");
        }
        if (fetchMaxRedirects < 0) throw new IllegalArgumentException(Settings.ASSET_FETCH_MAX_REDIRECTS.env() + " must be ≥ 0");
        if (maxPixels < 1) throw new IllegalArgumentException(Settings.ASSET_MAX_PIXELS.env() + " must be at least 1");
        if (variantMaxDimension < 1) throw new IllegalArgumentException(Settings.ASSET_VARIANT_MAX_DIMENSION.env() + " must be at least 1");
        if (variantsPerAsset < 0) throw new IllegalArgumentException(Settings.ASSET_VARIANTS_PER_ASSET.env() + " must be ≥ 0");
    }
}
