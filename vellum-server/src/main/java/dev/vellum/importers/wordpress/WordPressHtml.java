package dev.vellum.importers.wordpress;

import dev.vellum.importers.MediaResolver.Rehosted;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an import does to a post's raw HTML before the rich-text converter reads it: finds the media
 * it uses (images with every {@code srcset} size, linked files), rewrites those URLs to re-hosted
 * assets, expands {@code [gallery ids]} from the attachments it knows, and points internal links at
 * the new slugs.
 */
final class WordPressHtml {
    private static final Pattern ATTR = Pattern.compile("\\b(src|srcset|href|poster)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE = Pattern.compile(
            ".*\\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|pdf|zip|docx?|xlsx?|pptx?|odt|mp3|m4a|ogg|wav|mp4|m4v|mov|webm)$", Pattern.CASE_INSENSITIVE);
    /** WordPress's resized copies: photo-300x200.jpg is photo.jpg at 300 px wide. */
    private static final Pattern SIZED = Pattern.compile("^(.*)-(\\d{1,5})x(\\d{1,5})(\\.[A-Za-z0-9]{2,5})$");
    private static final Pattern GALLERY = Pattern.compile("\\[gallery\\b([^\\]]*)\\]");
    private static final Pattern IDS = Pattern.compile("ids\\s*=\\s*[\"']?([0-9,\\s]+)");

    private WordPressHtml() {}

    /** Expands {@code [gallery ids="…"]} into figures of the attachments' images (the converter reads those). */
    static String expandGalleries(String html, WordPressIndex index) {
        if (!html.contains("[gallery")) return html;
        Matcher m = GALLERY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Matcher ids = IDS.matcher(m.group(1));
            if (!ids.find()) continue; // no ids: the converter drops it and reports it
            StringBuilder figures = new StringBuilder();
            for (String id : ids.group(1).split(",")) {
                if (id.isBlank()) continue;
                WordPressIndex.Attachment a = index.attachment(Long.parseLong(id.trim()));
                if (a == null) continue;
                figures.append("<figure><img src=\"").append(escape(a.url())).append("\" alt=\"")
                        .append(escape(a.alt() == null ? "" : a.alt())).append("\"></figure>\n");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(figures.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Media URLs in the HTML: images (every srcset candidate) and links to files. */
    static Set<String> mediaUrls(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ATTR.matcher(html);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = decode(m.group(3) != null ? m.group(3) : m.group(4)).trim();
            if (name.equals("srcset")) {
                for (String candidate : value.split(",")) {
                    String url = candidate.trim().split("\\s+")[0];
                    if (absolute(url)) out.add(url);
                }
            } else if (absolute(value) && (!name.equals("href") || FILE.matcher(path(value)).matches())) {
                out.add(value);
            }
        }
        return out;
    }

    /** The URL to fetch for a media URL: a resized copy's original when the name says it is one. */
    static String original(String url) {
        Matcher m = SIZED.matcher(path(url));
        if (!m.matches() || !url.equals(path(url))) return url;
        return m.group(1) + m.group(4);
    }

    /** The width a resized copy's name says, else null. */
    static Integer sizedWidth(String url) {
        Matcher m = SIZED.matcher(path(url));
        return m.matches() && url.equals(path(url)) ? Integer.valueOf(m.group(2)) : null;
    }

    /** Replaces every re-hosted URL (a resized copy by its original at that width) and internal links. */
    static String rewrite(String html, Map<String, Rehosted> media, Function<String, String> links) {
        Matcher m = ATTR.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            boolean dq = m.group(3) != null;
            String raw = dq ? m.group(3) : m.group(4);
            String value = decode(raw).trim();
            String replaced;
            if (name.equalsIgnoreCase("srcset")) {
                List<String> parts = new ArrayList<>();
                for (String candidate : value.split(",")) {
                    String[] bits = candidate.trim().split("\\s+", 2);
                    String url = replaceUrl(bits[0], media);
                    parts.add(bits.length > 1 ? url + " " + bits[1] : url);
                }
                replaced = String.join(", ", parts);
            } else {
                replaced = replaceUrl(value, media);
                if (replaced.equals(value) && name.equalsIgnoreCase("href")) replaced = links.apply(value);
            }
            if (replaced.equals(value)) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(name + "=\"" + escape(replaced) + "\""));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    static String replaceUrl(String url, Map<String, Rehosted> media) {
        Rehosted direct = media.get(url);
        if (direct != null) return direct.url();
        Rehosted original = media.get(original(url));
        Integer width = sizedWidth(url);
        if (original != null && width != null) return original.url() + (original.url().contains("?") ? "&" : "?") + "w=" + width;
        return url;
    }

    /** Longest first, so that no URL is replaced inside a longer one. */
    static Comparator<String> longestFirst() {
        return Comparator.comparingInt(String::length).reversed();
    }

    static boolean absolute(String url) {
        return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("//");
    }

    private static String path(String url) {
        int q = url.indexOf('?');
        int h = url.indexOf('#');
        int end = q < 0 ? (h < 0 ? url.length() : h) : (h < 0 ? q : Math.min(q, h));
        return url.substring(0, end);
    }

    private static String decode(String attr) {
        return attr.replace("&amp;", "&").replace("&#038;", "&").replace("&quot;", "\"").replace("&#039;", "'");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
