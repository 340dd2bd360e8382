package dev.vellum.assets;

/**
 * A page of a project's assets, newest first. {@code type}: an exact content type or a family
 * ({@code image/*} or {@code image}); {@code filename}: a case-insensitive substring. Either may be null.
 */
public record AssetQuery(String type, String filename, int limit, String cursor) {
    public static final int MAX_LIMIT = 200;
}
