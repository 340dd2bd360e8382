package dev.vellum.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation tag (0x0112) of a JPEG: walks the markers up to the image data, finds the
 * APP1 "Exif" segment and reads IFD0. 1 when there is none or it cannot be read.
 */
final class ExifOrientation {
    private ExifOrientation() {}

    static int read(Path jpeg) throws IOException {
        byte[] b;
        try (InputStream in = Files.newInputStream(jpeg)) {
            b = in.readNBytes(256 * 1024);
        }
        return parse(b);
    }

    static int parse(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return 1;
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) return 1;
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) return 1; // image data: no EXIF before it
            int length = be16(b, at + 2);
            if (marker == 0xE1 && at + 10 <= b.length && new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
                return ifd0(b, at + 10, Math.min(b.length, at + 2 + length));
            }
            at += 2 + length;
        }
        return 1;
    }

    private static int ifd0(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) return 1;
        boolean little = b[tiff] == 'I';
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd + 2 > end) return 1;
        int count = u16(b, (int) ifd, little);
        for (int i = 0; i < count; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) return 1;
            if (u16(b, entry, little) == 0x0112) {
                int v = u16(b, entry + 8, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    private static int be16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : be16(b, at);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = little
                ? (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24
                : (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
        return v;
    }
}
