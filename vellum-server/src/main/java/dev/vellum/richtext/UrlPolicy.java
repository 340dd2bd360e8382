package dev.vellum.richtext;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which URLs a document may hold, per use. Readers canonicalise a raw URL the way a browser's URL
 * parser would see it (tabs, newlines and other control characters removed, surrounding spaces
 * trimmed) and then check the scheme of exactly that string, so what is checked is what is written:
 * {@code jav&#x09;ascript:} becomes {@code javascript:} and is refused. Unicode space and format
 * characters (no-break space, U+180E, U+2007, U+200B, U+FEFF, …) are trimmed at the ends like spaces and
 * ignored when reading the scheme, so {@code java\u200Bscript:} is refused exactly as {@code javascript:}.
 */
public enum UrlPolicy {
    /** Link hrefs (and image links): http, https, mailto, tel, or relative. */
    LINK(Set.of("http", "https", "mailto", "tel"), true),
    /** Image sources: http, https or relative. No {@code data:} URLs: images belong in assets. */
    IMAGE(Set.of("http", "https"), true),
    /** Embedded media: absolute http or https only. */
    EMBED(Set.of("http", "https"), false);

    public static final int MAX_LENGTH = 8192;

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");

    private final Set<String> schemes;
    private final boolean relativeAllowed;

    UrlPolicy(Set<String> schemes, boolean relativeAllowed) {
        this.schemes = schemes;
        this.relativeAllowed = relativeAllowed;
    }

    /**
     * The canonical form of a raw URL: control characters (C0, DEL, C1) and unpaired surrogates
     * removed, surrounding whitespace trimmed.
     */
    public static String canonical(String raw) {
        if (isCanonical(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (!InlineNormalizer.isControl(c) && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return trimInvisible(out.toString());
    }

    /** Whitespace, Unicode space separators (Zs) and format characters (Cf): what a reader cannot see. */
    static boolean isInvisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    private static String trimInvisible(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isInvisible(s.charAt(start))) start++;
        while (end > start && isInvisible(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static boolean isCanonical(String url) {
        if (!url.isEmpty() && (isInvisible(url.charAt(0)) || isInvisible(url.charAt(url.length() - 1)))) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < url.length() && Character.isLowSurrogate(url.charAt(i + 1))) {
                i++;
            } else if (InlineNormalizer.isControl(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lower-case scheme of a URL, or empty for a relative URL. Invisible characters before the
     * first colon are ignored: some renderers and mail clients drop them and would see the scheme.
     */
    public static Optional<String> scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        StringBuilder visible = new StringBuilder(colon);
        for (int i = 0; i < colon; i++) {
            if (!isInvisible(url.charAt(i))) visible.append(url.charAt(i));
        }
        String candidate = visible.toString();
        return SCHEME.matcher(candidate).matches()
                ? Optional.of(candidate.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    /** The canonical URL if this use allows it. */
    public Optional<String> accept(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String url = canonical(raw);
        return problem(url) == null ? Optional.of(url) : Optional.empty();
    }

    /** Why this use refuses {@code url}, or null when it is allowed (and canonical). */
    public String problem(String url) {
        if (url == null || url.isEmpty()) {
            return "URL must not be empty";
        }
        if (url.length() > MAX_LENGTH) {
            return "URL is longer than " + MAX_LENGTH + " characters";
        }
        if (!isCanonical(url)) {
            return "URL must not contain control characters or surrounding spaces";
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '<' || c == '>' || c == '"' || c == '`') {
                return "URL must not contain " + c;
            }
        }
        Optional<String> scheme = scheme(url);
        if (scheme.isEmpty()) {
            return relativeAllowed ? null : "URL must be absolute (http or https)";
        }
        return schemes.contains(scheme.get())
                ? null
                : "URL scheme \"" + scheme.get() + "\" is not allowed (allowed: " + String.join(", ", schemes.stream().sorted().toList())
                        + (relativeAllowed ? ", or a relative URL)" : ")");
    }

    public void require(String url) {
        String problem = problem(url);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
