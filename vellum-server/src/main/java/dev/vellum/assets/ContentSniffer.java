package dev.vellum.assets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells a file's content type from its first bytes (magic numbers), never from what the client says.
 * The file name and declared type only pick among text formats that bytes cannot tell apart
 * (plain text, CSV, Markdown) and among the legacy Office formats that share one container.
 */
public final class ContentSniffer {
    /** How many leading bytes the sniffer looks at. */
    public static final int HEAD = 8192;

    private ContentSniffer() {}

    public static boolean isActive(String contentType) {
        return contentType.equals("text/html") || contentType.equals("image/svg+xml") || contentType.equals("application/xml")
                || contentType.equals("application/xhtml+xml");
    }

    public static String sniff(byte[] head, int length, String filename, String declaredType) {
        String ext = extension(filename);
        String binary = binary(head, length, ext);
        if (binary != null) return binary;
        if (length == 0) return "application/octet-stream";
        return text(head, length, ext, declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT));
    }

    private static String binary(byte[] b, int n, String ext) {
        if (starts(b, n, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(b, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (ascii(b, n, 0, "GIF87a") || ascii(b, n, 0, "GIF89a")) return "image/gif";
        if (ascii(b, n, 0, "RIFF") && n >= 12) {
            if (ascii(b, n, 8, "WEBP")) return "image/webp";
            if (ascii(b, n, 8, "WAVE")) return "audio/wav";
            if (ascii(b, n, 8, "AVI ")) return "video/x-msvideo";
        }
        if (starts(b, n, 'I', 'I', 0x2A, 0x00) || starts(b, n, 'M', 'M', 0x00, 0x2A)) return "image/tiff";
        if (n >= 26 && b[0] == 'B' && b[1] == 'M' && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0) return "image/bmp";
        if (starts(b, n, 0x00, 0x00, 0x01, 0x00) && n >= 6 && b[4] != 0 && b[5] == 0) return "image/x-icon";
        if (n >= 12 && ascii(b, n, 4, "ftyp")) return isoMedia(new String(b, 8, 4, StandardCharsets.ISO_8859_1));
        if (ascii(b, n, 0, "%PDF-")) return "application/pdf";
        if (ascii(b, n, 0, "ID3") || (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE6) == 0xE2)) return "audio/mpeg";
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xF6) == 0xF0) return "audio/aac";
        if (ascii(b, n, 0, "OggS")) return "audio/ogg";
        if (ascii(b, n, 0, "fLaC")) return "audio/flac";
        if (starts(b, n, 0x1A, 0x45, 0xDF, 0xA3)) return contains(b, n, "webm") ? "video/webm" : "video/x-matroska";
        if (starts(b, n, 'P', 'K', 0x03, 0x04)) return zip(b, n);
        if (starts(b, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return switch (ext) {
            case "doc" -> "application/msword";
            case "xls" -> "application/vnd.ms-excel";
            case "ppt" -> "application/vnd.ms-powerpoint";
            default -> "application/x-ole-storage";
        };
        if (starts(b, n, 0x1F, 0x8B)) return "application/gzip";
        if (ascii(b, n, 0, "7z") && starts(b, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) return "application/x-7z-compressed";
        if (ascii(b, n, 0, "Rar!")) return "application/vnd.rar";
        if (ascii(b, n, 0, "MZ")) return "application/x-msdownload";
        if (starts(b, n, 0x7F, 'E', 'L', 'F')) return "application/x-executable";
        if (starts(b, n, 0xCA, 0xFE, 0xBA, 0xBE)) return "application/java-vm";
        if (ascii(b, n, 0, "wOFF")) return "font/woff";
        if (ascii(b, n, 0, "wOF2")) return "font/woff2";
        return null;
    }

    private static String isoMedia(String brand) {
        return switch (brand) {
            case "avif", "avis" -> "image/avif";
            case "heic", "heix", "mif1", "msf1" -> "image/heic";
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B " -> "audio/mp4";
            default -> "video/mp4";
        };
    }

    /** Office Open XML and OpenDocument are zip files; their first entries say which. */
    private static String zip(byte[] b, int n) {
        if (contains(b, n, "mimetypeapplication/vnd.oasis.opendocument.text")) return "application/vnd.oasis.opendocument.text";
        if (contains(b, n, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) return "application/vnd.oasis.opendocument.spreadsheet";
        if (contains(b, n, "mimetypeapplication/vnd.oasis.opendocument.presentation")) return "application/vnd.oasis.opendocument.presentation";
        if (contains(b, n, "[Content_Types].xml") || contains(b, n, "_rels/.rels")) {
            if (contains(b, n, "word/")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (contains(b, n, "xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            if (contains(b, n, "ppt/")) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        }
        return "application/zip";
    }

    private static String text(byte[] b, int n, String ext, String declared) {
        int start = 0;
        if (starts(b, n, 0xEF, 0xBB, 0xBF)) start = 3;
        for (int i = start; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B)) return "application/octet-stream";
        }
        String s;
        try {
            // the last character may be cut by the head's end: decode leniently there only
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, trimPartial(b, start, n) - start)).toString();
        } catch (CharacterCodingException e) {
            return "application/octet-stream";
        }
        String lead = s.stripLeading().toLowerCase(Locale.ROOT);
        if (lead.startsWith("<")) {
            if (lead.contains("<svg")) return "image/svg+xml";
            // an XML prolog first: a WordPress export quotes HTML (iframes, scripts) in its posts; XML is never served inline either
            if (lead.startsWith("<?xml") && !lead.contains("<!doctype html") && !lead.contains("<html")) return "application/xml";
            if (looksLikeHtml(lead)) return "text/html";
        }
        if (looksLikeHtml(lead.length() > 1024 ? lead.substring(0, 1024) : lead)) return "text/html";
        if ((lead.startsWith("{") || lead.startsWith("[")) && (ext.equals("json") || declared.contains("json"))) return "application/json";
        if (ext.equals("csv") || declared.startsWith("text/csv")) return "text/csv";
        if (ext.equals("md") || ext.equals("markdown") || declared.startsWith("text/markdown")) return "text/markdown";
        return "text/plain";
    }

    /** Browsers sniff HTML from these; such text is treated as HTML whatever its name. */
    private static boolean looksLikeHtml(String lead) {
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<frameset", "<object",
                "<embed", "<meta", "<style", "<title", "<img", "<a ", "<div", "<table", "<p>", "<br", "<h1", "<font", "<b>", "<!--"}) {
            if (lead.startsWith(tag)) return true;
        }
        return lead.contains("<script") || lead.contains("<html") || lead.contains("<iframe");
    }

    /** Where the head ends without a UTF-8 sequence cut by the head's length. */
    private static int trimPartial(byte[] b, int start, int n) {
        for (int i = n - 1; i >= Math.max(start, n - 3); i--) {
            int c = b[i] & 0xFF;
            if (c < 0x80) return n;
            if (c >= 0xC0) {
                int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                return i + len > n ? i : n;
            }
        }
        return n;
    }

    private static String extension(String filename) {
        if (filename == null) return "";
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] b, int n, int... magic) {
        if (n < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xFF) != magic[i]) return false;
        return true;
    }

    private static boolean ascii(byte[] b, int n, int at, String s) {
        if (n < at + s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (b[at + i] != (byte) s.charAt(i)) return false;
        return true;
    }

    private static boolean contains(byte[] b, int n, String s) {
        byte[] needle = s.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + needle.length <= n; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
