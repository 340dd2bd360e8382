package dev.vellum.assets;

/**
 * What the client says about an upload. {@code declaredType} is only a hint for telling apart text
 * formats; the stored type is always sniffed from the bytes. Any component may be null.
 */
public record AssetUpload(String filename, String declaredType, String alt, String title) {
    public static AssetUpload named(String filename) {
        return new AssetUpload(filename, null, null, null);
    }
}
