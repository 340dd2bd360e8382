package dev.vellum.http;

import dev.vellum.auth.Principal;
import dev.vellum.config.VellumConfig.RateLimitConfig;
import dev.vellum.error.VellumException;
import dev.vellum.ratelimit.RateLimits;
import io.javalin.http.Context;

/**
 * Applies the per-token (or, without a valid token, per-IP) limit to a request, and sets the
 * RateLimit-Limit/Remaining/Reset headers on every limited response; over the limit → 429 with Retry-After.
 */
final class RateLimiting {
    private final RateLimits limits;
    private final RateLimitConfig config;

    RateLimiting(RateLimits limits, RateLimitConfig config) {
        this.limits = limits;
        this.config = config;
    }

    void forToken(Context ctx, Principal p) {
        long perMinute = switch (p) {
            case Principal.InstanceAdmin a -> config.admin();
            case Principal.ProjectToken t -> switch (t.scope()) {
                case READ -> config.read();
                case WRITE -> config.write();
                case ADMIN -> config.admin();
            };
            case Principal.Preview preview -> config.read();
        };
        apply(ctx, limits.consume("token:" + p.tokenId(), perMinute));
    }

    void forClient(Context ctx) {
        apply(ctx, limits.consume("ip:" + ctx.ip(), config.anonymous()));
    }

    private static void apply(Context ctx, RateLimits.Decision d) {
        if (!d.limited()) return;
        ctx.header("RateLimit-Limit", Long.toString(d.limit()));
        ctx.header("RateLimit-Remaining", Long.toString(d.remaining()));
        ctx.header("RateLimit-Reset", Long.toString(d.resetSeconds()));
        if (!d.allowed()) throw new VellumException.RateLimited(d.retryAfterSeconds());
    }
}
