package dev.vellum.assets;

import java.time.Instant;

/**
 * A stored file of a project. Identical bytes in a project are one asset ({@code sha256} is unique per
 * project). {@code contentType} is sniffed from the bytes; {@code width}/{@code height} are set for
 * raster images, with the EXIF orientation applied. {@code urlKey} is the random part of its public URL.
 */
public record Asset(String id, String filename, String contentType, long size, String sha256, Integer width, Integer height,
                    String alt, String title, Instant createdAt, String projectId, String urlKey, Instant updatedAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    /** HTML, SVG and XML can carry script: never served inline. */
    public boolean isActiveContent() {
        return ContentSniffer.isActive(contentType);
    }
}
