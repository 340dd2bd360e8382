package dev.vellum.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's size and EXIF orientation, read from its header only: nothing is decoded, so it is cheap
 * and safe on any file (this is what the decompression-bomb check reads before decoding).
 *
 * @param width  stored width in pixels (before orientation)
 * @param height stored height in pixels
 * @param orientation EXIF orientation 1–8 (1: as stored; 5–8 swap width and height)
 */
record ImageHeader(int width, int height, int orientation) {

    int displayWidth() {
        return orientation >= 5 ? height : width;
    }

    int displayHeight() {
        return orientation >= 5 ? width : height;
    }

    long pixels() {
        return (long) width * height;
    }

    static Optional<ImageHeader> read(Path file, String contentType) {
        try {
            if (contentType.equals("image/webp")) return webp(file);
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                if (in == null) return Optional.empty();
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) return Optional.empty();
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    int orientation = contentType.equals("image/jpeg") ? ExifOrientation.read(file) : 1;
                    return Optional.of(new ImageHeader(reader.getWidth(0), reader.getHeight(0), orientation));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not readable as an image: stored as a file without dimensions
        }
    }

    /** WebP (VP8, VP8L, VP8X): ImageIO has no reader, the header is simple. */
    private static Optional<ImageHeader> webp(Path file) throws IOException {
        byte[] b = new byte[30];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(b, 0, b.length);
        }
        if (n < 30) return Optional.empty();
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8 " -> Optional.of(new ImageHeader(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF, 1));
            case "VP8L" -> {
                int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
                yield Optional.of(new ImageHeader((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, 1));
            }
            case "VP8X" -> Optional.of(new ImageHeader(le24(b, 24) + 1, le24(b, 27) + 1, 1));
            default -> Optional.empty();
        };
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
