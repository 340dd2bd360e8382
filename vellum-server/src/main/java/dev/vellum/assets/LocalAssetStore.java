package dev.vellum.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Assets on the local disk. A put copies to a temp file beside the target and renames it into place
 * atomically, so a crash never leaves half a file under a real name (stray temp files start with '.').
 */
public final class LocalAssetStore implements AssetStore {
    private final Path root;

    public LocalAssetStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the asset dir " + this.root, e);
        }
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) return; // same key, same bytes
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
        try {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileAlreadyExistsException e) {
                // another node or request stored the same bytes first
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames the file into place (atomically; a copy first only when it lies on another file system). */
    @Override
    public void putConsuming(String key, Path file, String contentType) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            put(key, file, contentType); // another file system: copy beside the target, then rename
            Files.deleteIfExists(file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(file); // the same bytes arrived first from elsewhere
        }
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        try {
            return OptionalLong.of(Files.size(resolve(key)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        SeekableByteChannel ch = Files.newByteChannel(resolve(key), StandardOpenOption.READ);
        try {
            ch.position(offset);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        InputStream in = Channels.newInputStream(ch);
        return length < 0 ? in : new BoundedInputStream(in, length);
    }

    /** The file of a key, for serving it without a copy through the heap. */
    public Path file(String key) {
        return resolve(key);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public void deletePrefix(String prefix) throws IOException {
        Path dir = resolve(prefix);
        if (!Files.isDirectory(dir)) {
            Files.deleteIfExists(dir);
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Override
    public String describe() {
        return "local " + root;
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || key.contains("..")) throw new IllegalArgumentException("bad asset key " + key);
        return p;
    }
}
