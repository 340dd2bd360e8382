package dev.vellum.auth;

import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.storage.Database;
import dev.vellum.projects.ProjectRepository;
import dev.vellum.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, lists, revokes and rotates tokens, and authenticates requests. Lookups are cached for a
 * few seconds (revocation on this node is immediate; other nodes follow within {@link #CACHE_TTL});
 * last-use times are collected in memory and written in batches, not once per request.
 */
public final class TokenService {
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final int MAX_CACHED = 10_000;
    private static final int MAX_NAME = 200;

    private final Database db;
    private final TokenRepository tokens = new TokenRepository();
    private final ProjectRepository projects = new ProjectRepository();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, String> lastUsed = new ConcurrentHashMap<>();
    private final Map<UseKey, RouteUse> routeUse = new ConcurrentHashMap<>();

    private record UseKey(String tokenId, String method, String route) {}

    private record Cached(TokenRepository.Match match, long loadedAtNanos) {}

    public TokenService(Database db) {
        this.db = db;
    }

    public IssuedToken issue(String projectId, String name, Scope scope, String expiresAt) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw invalid("name", "required", "name is required (1–" + MAX_NAME + " characters)");
        }
        String expiry = expiresAt == null ? null : parseFuture(expiresAt, "expires_at");
        String secret = Secrets.newSecret();
        Token t = new Token(Ulid.next(), projectId, name, scope, Timestamps.now(), expiry, null, null, null);
        db.write(tx -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            tokens.insert(tx, t, Secrets.hash(secret));
            return null;
        });
        return new IssuedToken(t, secret);
    }

    public List<Token> list(String projectId) {
        return db.read(tx -> withLastUse(tokens.list(tx, projectId)));
    }

    public Token get(String projectId, String id) {
        return db.read(tx -> tokens.find(tx, projectId, id)).map(t -> withLastUse(List.of(t)).getFirst())
                .orElseThrow(() -> tokenNotFound(id));
    }

    public void revoke(String projectId, String id) {
        db.write(tx -> {
            tokens.find(tx, projectId, id).orElseThrow(() -> tokenNotFound(id));
            tokens.revoke(tx, id, Timestamps.now());
            return null;
        });
        cache.clear();
    }

    /** New secret; the previous one stays valid for {@code graceSeconds} (0: revoked at once). */
    public IssuedToken rotate(String projectId, String id, long graceSeconds) {
        if (graceSeconds < 0 || graceSeconds > Duration.ofDays(30).toSeconds()) {
            throw invalid("grace_period_seconds", "out_of_range", "must be between 0 and 2592000 (30 days)");
        }
        String secret = Secrets.newSecret();
        String until = graceSeconds == 0 ? null : Timestamps.format(Instant.now().plusSeconds(graceSeconds));
        Token t = db.write(tx -> {
            Token existing = tokens.find(tx, projectId, id).orElseThrow(() -> tokenNotFound(id));
            if (existing.revokedAt() != null) throw new VellumException.Conflict("token_revoked", "A revoked token cannot be rotated");
            tokens.rotate(tx, id, Secrets.hash(secret), until);
            return tokens.find(tx, projectId, id).orElseThrow();
        });
        cache.clear();
        return new IssuedToken(t, secret);
    }

    /** The caller behind a bearer secret, or 401. */
    public Principal authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 512) throw unauthenticated();
        String hash = Secrets.hash(secret);
        long now = System.nanoTime();
        Cached c = cache.get(hash);
        if (c == null || now - c.loadedAtNanos() > CACHE_TTL.toNanos()) {
            Optional<TokenRepository.Match> found = db.read(tx -> tokens.findBySecretHash(tx, hash));
            if (found.isEmpty()) throw unauthenticated();
            if (cache.size() > MAX_CACHED) cache.clear();
            c = new Cached(found.get(), now);
            cache.put(hash, c);
        }
        Token t = c.match().token();
        String nowText = Timestamps.now();
        boolean expired = t.expiresAt() != null && t.expiresAt().compareTo(nowText) <= 0;
        boolean graceOver = c.match().previous()
                && (t.previousValidUntil() == null || t.previousValidUntil().compareTo(nowText) <= 0);
        if (t.revokedAt() != null || expired || graceOver) throw unauthenticated();
        lastUsed.put(t.id(), nowText);
        return t.projectId() == null ? new Principal.InstanceAdmin(t.id()) : new Principal.ProjectToken(t.id(), t.projectId(), t.scope());
    }

    /** Counts one request of a token on a route (a route template, e.g. GET /v1/projects/{p}/collections). */
    public void recordUse(String tokenId, String method, String route) {
        String now = Timestamps.now();
        routeUse.merge(new UseKey(tokenId, method, route), new RouteUse(method, route, 1, now),
                (a, b) -> new RouteUse(method, route, a.count() + 1, b.lastUsedAt()));
    }

    /**
     * Where a token (already looked up by the caller) was used: per route, how often and when last —
     * what is stored plus what this node has counted but not yet written. Reading writes nothing.
     */
    public List<RouteUse> usage(Token token) {
        Map<String, RouteUse> byRoute = new java.util.LinkedHashMap<>();
        for (RouteUse u : db.read(tx -> tokens.usage(tx, token.id()))) byRoute.put(u.method() + " " + u.route(), u);
        routeUse.forEach((k, pending) -> {
            if (k.tokenId().equals(token.id())) byRoute.merge(k.method() + " " + k.route(), pending, (stored, p) -> new RouteUse(
                    p.method(), p.route(), stored.count() + p.count(),
                    p.lastUsedAt().compareTo(stored.lastUsedAt()) > 0 ? p.lastUsedAt() : stored.lastUsedAt()));
        });
        return byRoute.values().stream()
                .sorted(java.util.Comparator.comparing(RouteUse::lastUsedAt).reversed().thenComparing(RouteUse::route)).toList();
    }

    /** Writes collected last-use times and route use; called every few seconds and at shutdown. */
    public void flushLastUsed() {
        Map<String, String> batch = new HashMap<>(lastUsed);
        batch.forEach(lastUsed::remove);
        List<TokenRepository.RouteUse> uses = new java.util.ArrayList<>();
        for (UseKey k : List.copyOf(routeUse.keySet())) {
            RouteUse u = routeUse.remove(k);
            if (u != null) uses.add(new TokenRepository.RouteUse(k.tokenId(), u));
        }
        if (batch.isEmpty() && uses.isEmpty()) return;
        db.write(tx -> {
            tokens.touch(tx, batch);
            tokens.recordUse(tx, uses);
            return null;
        });
    }

    /**
     * Makes sure an instance admin token exists. With a configured value, that value is (also) valid;
     * without one and with none stored, a token is generated and returned so the caller can print it once.
     */
    public Optional<String> bootstrap(Optional<String> configured) {
        return db.write(tx -> {
            if (configured.isPresent()) {
                String hash = Secrets.hash(configured.get());
                if (!tokens.hashExists(tx, hash)) {
                    tokens.insert(tx, new Token(Ulid.next(), null, "bootstrap", Scope.ADMIN, Timestamps.now(), null, null, null, null), hash);
                }
                return Optional.empty();
            }
            if (tokens.instanceAdminExists(tx)) return Optional.empty();
            String secret = Secrets.newSecret();
            tokens.insert(tx, new Token(Ulid.next(), null, "instance admin", Scope.ADMIN, Timestamps.now(), null, null, null, null),
                    Secrets.hash(secret));
            return Optional.of(secret);
        });
    }

    private List<Token> withLastUse(List<Token> list) {
        return list.stream().map(t -> {
            String pending = lastUsed.get(t.id());
            if (pending == null || (t.lastUsedAt() != null && t.lastUsedAt().compareTo(pending) >= 0)) return t;
            return new Token(t.id(), t.projectId(), t.name(), t.scope(), t.createdAt(), t.expiresAt(), pending, t.revokedAt(),
                    t.previousValidUntil());
        }).toList();
    }

    private static String parseFuture(String value, String field) {
        try {
            Instant at = Timestamps.parse(value);
            if (!at.isAfter(Instant.now())) throw invalid(field, "in_past", field + " must be in the future");
            return Timestamps.format(at);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(field, "invalid_date", field + " must be an ISO 8601 date-time");
        }
    }

    private static VellumException invalid(String field, String code, String message) {
        return new VellumException.Invalid("invalid_token_request", message,
                List.of(new dev.vellum.error.FieldError(field, code, message)));
    }

    private static VellumException tokenNotFound(String id) {
        return new VellumException.NotFound("token_not_found", "No token '" + id + "' in this project");
    }

    private static VellumException unauthenticated() {
        return new VellumException.Unauthenticated("invalid_token", "Missing, unknown, revoked or expired token");
    }
}
