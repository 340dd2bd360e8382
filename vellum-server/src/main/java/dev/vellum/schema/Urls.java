package dev.vellum.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** URL checks for link, image and file values. */
final class Urls {
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private Urls() {}

    /**
     * Accepts an absolute http(s) URL; with {@code allowRelative}, also a path ({@code /uploads/a.png}),
     * as asset URLs are. Scripts ({@code javascript:}, {@code data:}) never pass.
     */
    static String requireUrl(String raw, boolean allowRelative) throws InvalidValue {
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 2048) throw new InvalidValue("invalid_url", "must be a URL of 1 to 2048 characters");
        try {
            URI uri = new URI(s);
            if (uri.getScheme() == null) {
                if (allowRelative && s.startsWith("/") && !s.startsWith("//")) return s;
                throw new InvalidValue("invalid_url", "must be an absolute http(s) URL");
            }
            if (!SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                throw new InvalidValue("invalid_url", "must be an absolute http(s) URL");
            }
            return s;
        } catch (URISyntaxException e) {
            throw new InvalidValue("invalid_url", "is not a valid URL: " + e.getReason());
        }
    }
}
