package dev.vellum.assets;

import dev.vellum.config.AssetSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/** Opens the configured asset store, and sweeps upload temp files a crash left behind. */
public final class AssetStores {
    private AssetStores() {}

    public static AssetStore open(AssetSettings settings) {
        sweep(settings.spoolDir(), Duration.ofHours(1));
        return switch (settings.store()) {
            case "s3" -> new S3AssetStore(settings.s3());
            default -> new LocalAssetStore(settings.localDir());
        };
    }

    /** Deletes spooled uploads older than {@code age} (a live upload is younger; other nodes may share the dir). */
    static void sweep(Path dir, Duration age) {
        if (!Files.isDirectory(dir)) return;
        Instant cutoff = Instant.now().minus(age);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("upload-")).toList()) {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // gone already
                }
            }
        } catch (IOException ignored) {
            // nothing to sweep
        }
    }
}
