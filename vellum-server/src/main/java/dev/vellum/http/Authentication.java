package dev.vellum.http;

import dev.vellum.auth.Principal;
import dev.vellum.auth.TokenService;
import dev.vellum.error.VellumException;
import io.javalin.http.Context;

/** Reads the bearer token of every /v1 request and keeps who is calling on the context. */
final class Authentication {
    private static final String ATTRIBUTE = "vellum.principal";

    private final TokenService tokens;

    Authentication(TokenService tokens) {
        this.tokens = tokens;
    }

    /** Authenticates the request, or throws 401; either way the caller's rate limit is applied first. */
    void authenticate(Context ctx, RateLimiting rateLimiting) {
        String header = ctx.header("Authorization");
        Principal p;
        try {
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new VellumException.Unauthenticated("missing_token", "Send Authorization: Bearer <token>");
            }
            p = tokens.authenticate(header.substring(7).strip());
        } catch (VellumException.Unauthenticated e) {
            rateLimiting.forClient(ctx); // guessing tokens costs the guesser's IP its allowance
            throw e;
        }
        ctx.attribute(ATTRIBUTE, p);
        rateLimiting.forToken(ctx, p);
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
