package dev.vellum.delivery;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One allowed CORS origin: exact ({@code https://site.example.com}, {@code http://localhost:3000}),
 * every subdomain ({@code https://*.example.com}, or {@code *.example.com} for http and https), or
 * {@code *} for any origin. A wildcard never matches the bare domain itself.
 */
public record OriginPattern(String text, String scheme, String host, boolean subdomains, String port) {
    private static final Pattern FORM = Pattern.compile(
            "(?:(https?)://)?(\\*\\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)(?::(\\d{1,5}))?");
    private static final Pattern ORIGIN = Pattern.compile("(https?)://([^/:?#]+)(?::(\\d{1,5}))?");

    /** The pattern, or empty when {@code text} is not an origin, a {@code *.domain} wildcard or {@code *}. */
    public static Optional<OriginPattern> parse(String text) {
        if (text == null) return Optional.empty();
        if (text.equals("*")) return Optional.of(new OriginPattern("*", null, null, true, null));
        String lower = text.toLowerCase(Locale.ROOT);
        var m = FORM.matcher(lower);
        if (!m.matches() || text.length() > 255) return Optional.empty();
        boolean wildcard = m.group(2) != null;
        if (!wildcard && m.group(1) == null) return Optional.empty(); // an exact origin names its scheme
        return Optional.of(new OriginPattern(lower, m.group(1), m.group(3), wildcard, m.group(4)));
    }

    /** Whether a request's {@code Origin} header is allowed by this pattern. */
    public boolean matches(String origin) {
        if (origin == null) return false;
        if (text.equals("*")) return true;
        var m = ORIGIN.matcher(origin.toLowerCase(Locale.ROOT));
        if (!m.matches()) return false;
        if (scheme != null && !scheme.equals(m.group(1))) return false;
        if (!java.util.Objects.equals(port, m.group(3))) return false;
        String h = m.group(2);
        return subdomains ? h.endsWith("." + host) && h.length() > host.length() + 1 : h.equals(host);
    }
}
