package dev.vellum.delivery;

import java.util.List;

/**
 * A project's settings for browsers and caches: the origins allowed by CORS, whether credentialed
 * CORS requests are allowed (off by default), and the {@code Cache-Control} value of responses to
 * read tokens (null: {@code no-cache}, every use revalidates with the ETag).
 */
public record DeliverySettings(List<OriginPattern> corsOrigins, boolean corsAllowCredentials, String readCacheControl) {
    public static final DeliverySettings DEFAULT = new DeliverySettings(List.of(), false, null);

    public DeliverySettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Whether a browser page on {@code origin} may call this project. */
    public boolean allowsOrigin(String origin) {
        for (OriginPattern p : corsOrigins) if (p.matches(origin)) return true;
        return false;
    }
}
