package dev.vellum.richtext.html;

import dev.vellum.richtext.Dropped.Kind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress shortcodes, rewritten to HTML before parsing. Only the core shortcodes are recognised
 * (other bracketed text such as {@code [sic]} stays text): {@code [caption]} becomes a figure,
 * {@code [embed]}, {@code [audio]} and {@code [video]} embeds, {@code [code]}/{@code [sourcecode]} a code
 * block; {@code [gallery]} and {@code [playlist]} (which only name attachments) are dropped and
 * reported. {@code [[name]]} is WordPress's escape for literal {@code [name]}. A single forward scan
 * with cached look-ups keeps hostile input linear.
 */
final class Shortcodes {
    /** Shortcodes that mean nothing without their content; the others may enclose fallback content. */
    private static final Set<String> ENCLOSING = Set.of("caption", "wp_caption", "embed", "code", "sourcecode");
    private static final Set<String> KNOWN = Set.of("caption", "wp_caption", "embed", "code", "sourcecode",
            "audio", "video", "gallery", "playlist");
    private static final List<String> MEDIA_ATTRIBUTES = List.of("src", "mp3", "m4a", "ogg", "wav", "wma", "mp4",
            "m4v", "webm", "ogv", "wmv", "flv");
    private static final int MAX_TAG = 2_000;
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([\\w-]++)\\s*+=\\s*+\"([^\"]*+)\"|([\\w-]++)\\s*+=\\s*+'([^']*+)'|([\\w-]++)\\s*+=\\s*+([^\\s'\"]++)|\"([^\"]*+)\"|(\\S++)");
    private static final Pattern CAPTIONED_IMAGE = Pattern.compile(
            "\\s*+((?:<a\\b[^>]*+>\\s*+)?<img\\b[^>]*+>(?:\\s*+</a>)?)(.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final String html;
    private final DropReport report;
    private final Map<String, int[]> closingCache = new HashMap<>();
    private int nextBracket = -1;

    private Shortcodes(String html, DropReport report) {
        this.html = html;
        this.report = report;
    }

    static String expand(String html, DropReport report) {
        return html.indexOf('[') < 0 ? html : new Shortcodes(html, report).expand();
    }

    private String expand() {
        StringBuilder out = new StringBuilder(html.length());
        int done = 0;
        int open = html.indexOf('[');
        while (open >= 0) {
            boolean escaped = open + 1 < html.length() && html.charAt(open + 1) == '[';
            int nameStart = open + (escaped ? 2 : 1);
            String name = name(nameStart);
            int close = name == null ? -1 : closingBracket(nameStart);
            if (close < 0 || close - open > MAX_TAG) {
                open = html.indexOf('[', open + 1);
                continue;
            }
            if (escaped) {
                if (close + 1 < html.length() && html.charAt(close + 1) == ']') {
                    out.append(html, done, open).append(html, open + 1, close + 1);
                    done = close + 2;
                }
                open = html.indexOf('[', close + 1);
                continue;
            }
            Map<String, String> attributes = attributes(html.substring(nameStart + name.length(), close));
            int end = close + 1;
            String content = null;
            boolean selfClosed = html.charAt(close - 1) == '/';
            int closing = selfClosed ? -1 : closingTag(name, close + 1);
            if (closing >= 0) {
                content = html.substring(close + 1, closing);
                end = closing + name.length() + 3;
            } else if (ENCLOSING.contains(name)) {
                open = html.indexOf('[', open + 1);
                continue;
            }
            out.append(html, done, open).append(replacement(name, attributes, content));
            done = end;
            open = html.indexOf('[', end);
        }
        return out.append(html, done, html.length()).toString();
    }

    private String name(int start) {
        int end = start;
        while (end < html.length() && end - start < 20 && (Character.isLetterOrDigit(html.charAt(end)) || html.charAt(end) == '_')) {
            end++;
        }
        String name = html.substring(start, end);
        boolean delimited = end < html.length() && (html.charAt(end) == ']' || html.charAt(end) == '/' || Character.isWhitespace(html.charAt(end)));
        return delimited && KNOWN.contains(name) ? name : null;
    }

    private int closingBracket(int from) {
        if (nextBracket < from && nextBracket != Integer.MAX_VALUE) {
            int found = html.indexOf(']', from);
            nextBracket = found < 0 ? Integer.MAX_VALUE : found;
        }
        return nextBracket == Integer.MAX_VALUE ? -1 : nextBracket;
    }

    /** Index of {@code [/name]} at or after {@code from}; cached as {searchedFrom, found}. */
    private int closingTag(String name, int from) {
        int[] cached = closingCache.get(name);
        if (cached != null && cached[0] <= from && (cached[1] < 0 || cached[1] >= from)) {
            return cached[1];
        }
        int found = html.indexOf("[/" + name + "]", from);
        closingCache.put(name, new int[] {from, found});
        return found;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text);
        int positional = 0;
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                attributes.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
            } else if (matcher.group(3) != null) {
                attributes.put(matcher.group(3).toLowerCase(java.util.Locale.ROOT), matcher.group(4));
            } else if (matcher.group(5) != null) {
                attributes.put(matcher.group(5).toLowerCase(java.util.Locale.ROOT), matcher.group(6));
            } else {
                String value = matcher.group(7) != null ? matcher.group(7) : matcher.group(8);
                if (!value.equals("/")) {
                    attributes.put(String.valueOf(positional++), value);
                }
            }
        }
        return attributes;
    }

    private String replacement(String name, Map<String, String> attributes, String content) {
        return switch (name) {
            case "caption", "wp_caption" -> caption(attributes, content);
            case "embed" -> embed(content.strip());
            case "code", "sourcecode" -> {
                String language = attributes.getOrDefault("lang", attributes.getOrDefault("language", ""));
                yield "<pre><code class=\"language-" + HtmlEscaper.attribute(language) + "\">" + content + "</code></pre>";
            }
            case "audio", "video" -> {
                String url = media(attributes);
                if (url == null) {
                    report.add(Kind.SHORTCODE, "[" + name + "]");
                    yield "";
                }
                yield embed(url);
            }
            default -> {
                report.add(Kind.SHORTCODE, "[" + name + "]");
                yield "";
            }
        };
    }

    private static String caption(Map<String, String> attributes, String content) {
        Matcher matcher = CAPTIONED_IMAGE.matcher(content);
        String image = matcher.matches() ? matcher.group(1) : content;
        String caption = matcher.matches() ? matcher.group(2) : "";
        if (caption.isBlank()) {
            caption = attributes.getOrDefault("caption", "");
        }
        return "<figure>" + image + (caption.isBlank() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
    }

    private static String media(Map<String, String> attributes) {
        for (String key : MEDIA_ATTRIBUTES) {
            if (attributes.containsKey(key)) {
                return attributes.get(key);
            }
        }
        String positional = attributes.get("0");
        return positional != null && positional.startsWith("http") ? positional : null;
    }

    static String embed(String url) {
        String href = url.replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
        return "<figure class=\"embed\"><a href=\"" + href + "\">" + href + "</a></figure>";
    }
}
