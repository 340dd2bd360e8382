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

    /** Reads the asset settings of a resolved configuration. */
    public static AssetSettings from(VellumConfig config) {
        String dir = config.value(Settings.ASSET_DIR);
        Path dataDir = config.dataDir();
        return new AssetSettings(
                longValue(config, Settings.ASSET_MAX_BYTES),
                list(config.value(Settings.ASSET_ALLOWED_TYPES)),
                config.value(Settings.ASSET_STORE),
                dir.isBlank() ? dataDir.resolve("assets") : Path.of(dir),
                dataDir.resolve("tmp"),
                new S3(optional(config.value(Settings.S3_ENDPOINT)), config.value(Settings.S3_REGION), config.value(Settings.S3_BUCKET),
                        config.value(Settings.S3_PREFIX), Boolean.parseBoolean(config.value(Settings.S3_PATH_STYLE)),
                        optional(config.value(Settings.S3_ACCESS_KEY_ID)), optional(config.value(Settings.S3_SECRET_ACCESS_KEY))),
                config.millis(Settings.ASSET_FETCH_TIMEOUT_MS),
                config.integer(Settings.ASSET_FETCH_MAX_REDIRECTS),
                longValue(config, Settings.ASSET_MAX_PIXELS),
                config.integer(Settings.ASSET_VARIANT_MAX_DIMENSION),
                config.integer(Settings.ASSET_VARIANTS_PER_ASSET));
    }

    private static long longValue(VellumConfig config, Setting s) {
        try {
            return Long.parseLong(config.value(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.env() + " must be an integer, got '" + config.value(s) + "'");
        }
    }

    private static Optional<String> optional(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static List<String> list(String v) {
        if (v == null || v.isBlank()) return List.of();
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

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
