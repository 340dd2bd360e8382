package dev.vellum.http;

import dev.vellum.auth.Principal;
import dev.vellum.auth.TokenService;
import dev.vellum.delivery.DeliveryService;
import dev.vellum.error.VellumException;
import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bearer token of every /v1 request and keeps who is calling on the context. Besides
 * tokens: preview tokens (bearer, {@code vlp_…}; only GETs of entries in their scope and GraphQL) and
 * stream tickets ({@code ?ticket=vls_…}, only on the change stream, for an EventSource that cannot send headers).
 */
final class Authentication {
    private static final String ATTRIBUTE = "vellum.principal";
    private static final Pattern ENTRIES = Pattern.compile("/v1/projects/[^/]+/collections/([^/]+)/entries(?:/([^/]+))?/?");
    private static final Pattern GRAPHQL = Pattern.compile("/v1/projects/[^/]+/graphql/?");
    private static final Pattern STREAM = Pattern.compile("/v1/projects/[^/]+/changes/stream/?");
    private static final Pattern ASSET_FILES = Pattern.compile("/assets/[^/]+/.+");

    private final TokenService tokens;
    private final DeliveryService delivery;

    Authentication(TokenService tokens, DeliveryService delivery) {
        this.tokens = tokens;
        this.delivery = delivery;
    }

    /** Authenticates the request, or throws 401; either way the caller's rate limit is applied first. */
    void authenticate(Context ctx, RateLimiting rateLimiting) {
        String header = ctx.header("Authorization");
        Principal p;
        try {
            String ticket = ctx.queryParam("ticket");
            if (header == null && ticket != null && STREAM.matcher(ctx.path()).matches()) {
                p = delivery.authenticateStreamTicket(ticket, Cors.projectOf(ctx.path()));
            } else {
                if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    throw new VellumException.Unauthenticated("missing_token", "Send Authorization: Bearer <token>");
                }
                String secret = header.substring(7).strip();
                p = secret.startsWith(DeliveryService.PREVIEW_PREFIX) ? delivery.authenticatePreview(secret) : tokens.authenticate(secret);
            }
        } catch (VellumException.Unauthenticated e) {
            rateLimiting.forClient(ctx); // guessing tokens costs the guesser's IP its allowance
            throw e;
        }
        ctx.attribute(ATTRIBUTE, p);
        rateLimiting.forToken(ctx, p);
        if (p instanceof Principal.Preview preview) requireInPreviewScope(ctx, preview);
    }

    /** A preview token reads entries of its scope (REST GETs) and queries GraphQL; nothing else. */
    private static void requireInPreviewScope(Context ctx, Principal.Preview preview) {
        String method = ctx.method().name();
        if (GRAPHQL.matcher(ctx.path()).matches() && (method.equals("GET") || method.equals("POST"))) return;
        if (ASSET_FILES.matcher(ctx.path()).matches() && (method.equals("GET") || method.equals("HEAD"))) return; // a draft's images
        Matcher m = ENTRIES.matcher(ctx.path());
        if ((method.equals("GET") || method.equals("HEAD")) && m.matches()) {
            boolean list = m.group(2) == null;
            if (preview.covers(m.group(1), m.group(2)) && !(list && preview.entryId() != null)) return;
        }
        throw new VellumException.Forbidden("preview_scope", "This preview token reads only "
                + (preview.entryId() != null ? "entry '" + preview.entryId() + "' of collection '" + preview.collectionId() + "'"
                : preview.collectionId() != null ? "entries of collection '" + preview.collectionId() + "'" : "entries")
                + " (and GraphQL)");
    }

    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        if (p == null) throw new VellumException.Unauthenticated("missing_token", "Send Authorization: Bearer <token>");
        return p;
    }

    static String tokenId(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        return p == null ? null : p.tokenId();
    }
}
