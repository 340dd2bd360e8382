package dev.vellum.admin;

import dev.vellum.auth.TokenService;
import dev.vellum.error.VellumException;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin's session: the token a person signed in with, kept in an HttpOnly, SameSite=Strict cookie
 * scoped to /admin (never in a URL, never readable by scripts). Nothing is stored on the server, so any
 * node can serve a session and revoking the token ends it at once. Each form carries a CSRF token
 * derived from the session's token by HMAC, checked on every POST.
 */
final class SessionCookies {
    static final String COOKIE = "vellum_admin";
    /** Before sign-in: a random value, echoed by the sign-in form (double submit), against login CSRF. */
    static final String PRE_COOKIE = "vellum_admin_pre";
    static final String CSRF_FIELD = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenService tokens;

    SessionCookies(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The session of this request, when its cookie holds a token that is still valid. */
    Optional<Session> current(Context ctx) {
        String secret = ctx.cookie(COOKIE);
        if (secret == null || secret.isBlank()) return Optional.empty();
        try {
            return Optional.of(new Session(tokens.authenticate(secret), csrf(secret)));
        } catch (VellumException.Unauthenticated e) {
            return Optional.empty();
        }
    }

    /** Checks the token and, when valid, sets the session cookie; 401 otherwise. */
    Session signIn(Context ctx, String secret) {
        Session s = new Session(tokens.authenticate(secret.strip()), csrf(secret.strip()));
        ctx.cookie(cookie(ctx, COOKIE, secret.strip(), -1));
        ctx.cookie(cookie(ctx, PRE_COOKIE, "", 0));
        return s;
    }

    void signOut(Context ctx) {
        ctx.cookie(cookie(ctx, COOKIE, "", 0));
    }

    /** The pre-sign-in value for the sign-in form, set as a cookie if the browser has none. */
    String preToken(Context ctx) {
        String v = ctx.cookie(PRE_COOKIE);
        if (v == null || v.length() < 20) {
            byte[] b = new byte[18];
            RANDOM.nextBytes(b);
            v = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            ctx.cookie(cookie(ctx, PRE_COOKIE, v, -1));
        }
        return v;
    }

    static boolean matches(String expected, String presented) {
        if (expected == null || presented == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Cookie cookie(Context ctx, String name, String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return new Cookie(name, value, "/admin", maxAge, https, true, null, SameSite.STRICT);
    }

    private static String csrf(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal("vellum-admin-csrf".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }
}
