package dev.vellum.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.auth.Principal;
import dev.vellum.auth.Scope;
import dev.vellum.auth.Secrets;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What browsers and caches need of a project: CORS and Cache-Control settings (cached for a few
 * seconds; a change on this node applies at once), preview tokens and stream tickets.
 */
public final class DeliveryService {
    public static final String PREVIEW_PREFIX = "vlp_";
    public static final String STREAM_PREFIX = "vls_";
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    static final long DEFAULT_PREVIEW_TTL = 3600;
    static final long MAX_PREVIEW_TTL = Duration.ofDays(7).toSeconds();
    static final long STREAM_TICKET_TTL = 60;
    private static final int MAX_ORIGINS = 100;
    private static final Pattern CACHE_CONTROL = Pattern.compile("[A-Za-z0-9=, \\-]{1,200}");
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final Database db;
    private final DeliveryRepository repository = new DeliveryRepository();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(DeliverySettings settings, long loadedAtNanos) {}

    public DeliveryService(Database db) {
        this.db = db;
    }

    public DeliverySettings settings(String projectId) {
        long now = System.nanoTime();
        Cached c = cache.get(projectId);
        if (c != null && now - c.loadedAtNanos() < CACHE_TTL.toNanos()) return c.settings();
        DeliverySettings s = db.read(tx -> repository.settings(tx, projectId)).orElse(DeliverySettings.DEFAULT);
        if (cache.size() > 10_000) cache.clear();
        cache.put(projectId, new Cached(s, now));
        return s;
    }

    /** Applies the delivery keys of a {@code PATCH /v1/projects/{p}} body; keys it does not carry are kept. */
    public DeliverySettings update(String projectId, JsonNode body) {
        DeliverySettings current = settings(projectId);
        List<FieldError> errors = new ArrayList<>();
        List<OriginPattern> origins = current.corsOrigins();
        if (body.has("cors_origins")) origins = origins(body.get("cors_origins"), errors);
        boolean credentials = current.corsAllowCredentials();
        if (body.has("cors_allow_credentials")) {
            if (body.get("cors_allow_credentials").isBoolean()) credentials = body.get("cors_allow_credentials").booleanValue();
            else errors.add(new FieldError("cors_allow_credentials", "type_mismatch", "must be true or false"));
        }
        String cacheControl = current.readCacheControl();
        if (body.has("read_cache_control")) {
            JsonNode v = body.get("read_cache_control");
            if (v.isNull()) cacheControl = null;
            else if (v.isTextual() && CACHE_CONTROL.matcher(v.textValue()).matches()) cacheControl = v.textValue().strip();
            else errors.add(new FieldError("read_cache_control", "invalid_value",
                    "must be a Cache-Control value such as \"public, max-age=60\" (letters, digits, '=', ',', '-', spaces) or null"));
        }
        if (credentials && origins.stream().anyMatch(o -> o.text().equals("*"))) {
            errors.add(new FieldError("cors_allow_credentials", "wildcard_with_credentials",
                    "credentials cannot be allowed for the origin \"*\"; list the origins"));
        }
        if (!errors.isEmpty()) throw new VellumException.Invalid("invalid_project", "The project settings are not valid", errors);
        DeliverySettings next = new DeliverySettings(origins, credentials, cacheControl);
        db.write(tx -> {
            repository.save(tx, projectId, next);
            return null;
        });
        cache.remove(projectId);
        return next;
    }

    private static List<OriginPattern> origins(JsonNode node, List<FieldError> errors) {
        if (!node.isArray() || node.size() > MAX_ORIGINS) {
            errors.add(new FieldError("cors_origins", "type_mismatch", "must be an array of at most " + MAX_ORIGINS + " origins"));
            return List.of();
        }
        List<OriginPattern> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode o = node.get(i);
            Optional<OriginPattern> p = o.isTextual() ? OriginPattern.parse(o.textValue()) : Optional.empty();
            if (p.isEmpty()) {
                errors.add(new FieldError("cors_origins[" + i + "]", "invalid_origin",
                        "must be an origin (https://site.example.com, http://localhost:3000), a wildcard (https://*.example.com) or *"));
            } else {
                out.add(p.get());
            }
        }
        return out;
    }

    /**
     * A preview token: reads drafts and published entries of the project, or of one collection, or of
     * one entry of it. The caller has checked that {@code minter} has write scope in the project.
     */
    public MintedTicket mintPreview(Principal minter, String projectId, String collectionId, String entryId, Long ttlSeconds) {
        List<FieldError> errors = new ArrayList<>();
        if (collectionId != null && !ID.matcher(collectionId).matches()) {
            errors.add(new FieldError("collection", "invalid_id", "must be a collection id"));
        }
        if (entryId != null && collectionId == null) errors.add(new FieldError("entry", "collection_required", "an entry needs its collection"));
        if (entryId != null && !ID.matcher(entryId).matches()) errors.add(new FieldError("entry", "invalid_id", "must be an entry id"));
        long ttl = ttlSeconds == null ? DEFAULT_PREVIEW_TTL : ttlSeconds;
        if (ttl < 1 || ttl > MAX_PREVIEW_TTL) errors.add(new FieldError("ttl_seconds", "out_of_range", "must be between 1 and " + MAX_PREVIEW_TTL));
        if (!errors.isEmpty()) throw new VellumException.Invalid("invalid_preview_token", "The preview token request is not valid", errors);
        return mint(AccessTicket.PREVIEW, PREVIEW_PREFIX, minter, projectId, collectionId, entryId, ttl);
    }

    /** A ticket that opens the change stream of the project with the minter's rights, for an EventSource. */
    public MintedTicket mintStreamTicket(Principal minter, String projectId) {
        if (minter instanceof Principal.Preview) {
            throw new VellumException.Forbidden("preview_read_only", "A preview token cannot mint stream tickets");
        }
        return mint(AccessTicket.STREAM, STREAM_PREFIX, minter, projectId, null, null, STREAM_TICKET_TTL);
    }

    private MintedTicket mint(String kind, String prefix, Principal minter, String projectId, String collectionId, String entryId,
                              long ttl) {
        String scope = switch (minter) {
            case Principal.InstanceAdmin a -> AccessTicket.INSTANCE;
            case Principal.ProjectToken t -> t.scope().wire();
            case Principal.Preview p -> throw new VellumException.Forbidden("preview_read_only", "A preview token cannot mint tokens");
        };
        String secret = prefix + Secrets.newSecret().substring(Secrets.PREFIX.length());
        Instant now = Instant.now();
        AccessTicket t = new AccessTicket(Ulid.next(), kind, projectId, minter.tokenId(), scope, collectionId, entryId,
                Timestamps.format(now), Timestamps.format(now.plusSeconds(ttl)));
        db.write(tx -> {
            repository.insertTicket(tx, t, Secrets.hash(secret));
            return null;
        });
        return new MintedTicket(secret, t);
    }

    /** The preview behind a bearer secret, or 401. */
    public Principal.Preview authenticatePreview(String secret) {
        AccessTicket t = live(AccessTicket.PREVIEW, secret);
        return new Principal.Preview(t.id(), t.projectId(), t.collectionId(), t.entryId());
    }

    /** The caller a stream ticket stands for (its minter's rights, in its project only), or 401. */
    public Principal authenticateStreamTicket(String secret, String projectId) {
        AccessTicket t = live(AccessTicket.STREAM, secret);
        if (!t.projectId().equals(projectId)) throw invalidTicket();
        if (t.scope().equals(AccessTicket.INSTANCE)) return new Principal.InstanceAdmin(t.tokenId());
        return new Principal.ProjectToken(t.tokenId(), t.projectId(), Scope.parse(t.scope()).orElse(Scope.READ));
    }

    private AccessTicket live(String kind, String secret) {
        if (secret == null || secret.length() > 512) throw invalidTicket();
        String now = Timestamps.now();
        return db.read(tx -> repository.liveTicket(tx, kind, Secrets.hash(secret), now)).orElseThrow(DeliveryService::invalidTicket);
    }

    /** Deletes expired tickets; called by a chore. */
    public int expireTickets() {
        String now = Timestamps.now();
        return db.write(tx -> repository.deleteExpired(tx, now));
    }

    private static VellumException invalidTicket() {
        return new VellumException.Unauthenticated("invalid_token", "Missing, unknown, revoked or expired token");
    }
}
