package dev.vellum.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where asset bytes live, by key ({@code <project>/<sha256 prefix>/<sha256>}, variants under
 * {@code <project>/variants/…}). A put is atomic: readers see the whole object or none, never half a file.
 * Objects are immutable: the same key always holds the same bytes, so a repeated put is harmless.
 */
public sealed interface AssetStore extends AutoCloseable permits LocalAssetStore, S3AssetStore {

    /** Stores the file's bytes under {@code key} (the file itself stays where it is). */
    void put(String key, Path file, String contentType) throws IOException;

    /**
     * Stores the file's bytes under {@code key}, consuming the file (a temp file the caller would delete anyway):
     * the local store renames it into place instead of copying it.
     */
    default void putConsuming(String key, Path file, String contentType) throws IOException {
        put(key, file, contentType);
        java.nio.file.Files.deleteIfExists(file);
    }

    /** The object's size, or empty when there is none. */
    OptionalLong size(String key) throws IOException;

    /** Reads {@code length} bytes from {@code offset} ({@code length} &lt; 0: to the end). */
    InputStream open(String key, long offset, long length) throws IOException;

    void delete(String key) throws IOException;

    /** Deletes every object whose key starts with {@code prefix}. */
    void deletePrefix(String prefix) throws IOException;

    /** A short description for logs ("local /var/vellum/assets", "s3 bucket/prefix"). */
    String describe();

    @Override
    default void close() {}
}
