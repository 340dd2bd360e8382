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

    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new VellumException.Unauthenticated("missing_token", "Send Authorization: Bearer <token>");
        }
        Principal p = tokens.authenticate(header.substring(7).strip());
        ctx.attribute(ATTRIBUTE, p);
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
