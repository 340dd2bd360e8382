package dev.vellum.assets;

import dev.vellum.error.VellumException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload copied to a temp file while its SHA-256 is computed, in fixed-size chunks: a body of any
 * size needs a 64 KiB buffer, never its own size in heap. Past {@code maxBytes} the copy stops and the
 * temp file is deleted before 413 is thrown. Closing deletes the temp file (the store keeps its own copy).
 */
final class SpooledFile implements AutoCloseable {
    private final Path path;
    private final String sha256;
    private final long size;
    private final byte[] head;
    private final int headLength;

    private SpooledFile(Path path, String sha256, long size, byte[] head, int headLength) {
        this.path = path;
        this.sha256 = sha256;
        this.size = size;
        this.head = head;
        this.headLength = headLength;
    }

    static SpooledFile copy(InputStream in, Path dir, long maxBytes) {
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp file in " + dir, e);
        }
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            MessageDigest digest = newDigest();
            byte[] buffer = new byte[64 * 1024];
            byte[] head = new byte[ContentSniffer.HEAD];
            int headLength = 0;
            long size = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                size += n;
                if (size > maxBytes) throw new VellumException.PayloadTooLarge("The file is larger than the limit of " + maxBytes + " bytes");
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            kept = true;
            return new SpooledFile(tmp, HexFormat.of().formatHex(digest.digest()), size, head, headLength);
        } catch (IOException e) {
            throw new VellumException.BadRequest("upload_interrupted", "The upload ended before the file was complete: " + e.getMessage());
        } finally {
            if (!kept) deleteQuietly(tmp);
        }
    }

    Path path() { return path; }
    String sha256() { return sha256; }
    long size() { return size; }
    byte[] head() { return head; }
    int headLength() { return headLength; }

    @Override
    public void close() {
        deleteQuietly(path);
    }

    static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray temp file is swept at the next start
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
