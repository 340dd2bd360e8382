package dev.vellum.importers;

import dev.vellum.importers.wordpress.WxrFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A zip of a folder unpacked into a temporary directory: no entry may leave it, and the total size is bounded. */
final class ZipFolder {
    private ZipFolder() {}

    static Path extract(WxrFile.Opener opener, long maxBytes) throws IOException {
        Path dir = Files.createTempDirectory("vellum-import-");
        long total = 0;
        try (InputStream raw = opener.open(); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) throw new IOException("the archive entry " + e.getName() + " points outside the archive");
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = zip.read(buf)) > 0) {
                        total += n;
                        if (total > maxBytes) throw new IOException("the archive unpacks to more than " + (maxBytes >> 20) + " MiB");
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            delete(dir);
            throw e;
        }
        // a zip of "site/" holds one top folder: import from inside it
        try (Stream<Path> top = Files.list(dir)) {
            var entries = top.toList();
            if (entries.size() == 1 && Files.isDirectory(entries.get(0))) return entries.get(0);
        }
        return dir;
    }

    static void delete(Path dir) {
        Path root = dir.getParent() != null && dir.getParent().getFileName().toString().startsWith("vellum-import-") ? dir.getParent() : dir;
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
