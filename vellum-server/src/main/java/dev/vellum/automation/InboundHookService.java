package dev.vellum.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.auth.Access;
import dev.vellum.crypto.SecretBox;
import dev.vellum.crypto.SignatureHeader;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.CollectionRepository;
import dev.vellum.storage.Database;
import dev.vellum.projects.ProjectRepository;
import dev.vellum.storage.Tx;
import dev.vellum.time.Timestamps;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Inbound hooks as admins manage them: define, read, change, delete, and read their request log.
 * Receiving payloads is {@link InboundReceiver}'s job.
 */
public final class InboundHookService {
    public static final int MAX_PAGE = 200;

    private final Database db;
    private final SecretBox secrets;
    private final InboundHookRepository hooks = new InboundHookRepository();
    private final ProjectRepository projects = new ProjectRepository();
    private final CollectionRepository collections = new CollectionRepository();

    /** A new hook and its secret when Vellum generated it (shown this once; null when the client gave one). */
    public record Created(InboundHook hook, String secret) {}

    public record LogPage(List<InboundLogEntry> data, String nextCursor) {}

    public InboundHookService(Database db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    public Created create(String projectId, JsonNode body) {
        InboundHookSpec spec = InboundHookSpec.parse(body, true);
        String secret = spec.secret() != null ? spec.secret() : SignatureHeader.newSecret();
        String now = Timestamps.now();
        InboundHook hook = new InboundHook(newId(), projectId, spec.collection(), spec.upsertKey(), spec.mapping(), spec.scheme(),
                secrets.seal(secret), spec.description(), now, now);
        db.write(tx -> {
            if (projects.find(tx, projectId).isEmpty()) throw Access.projectNotFound(projectId);
            check(tx, hook);
            hooks.insert(tx, hook);
            return null;
        });
        return new Created(hook, spec.secret() == null ? secret : null);
    }

    public List<InboundHook> list(String projectId) {
        return db.read(tx -> hooks.list(tx, projectId));
    }

    public InboundHook get(String projectId, String id) {
        return db.read(tx -> find(tx, projectId, id));
    }

    public InboundHook update(String projectId, String id, JsonNode body) {
        InboundHookSpec spec = InboundHookSpec.parse(body, false);
        return db.write(tx -> {
            InboundHook h = find(tx, projectId, id);
            InboundHook next = new InboundHook(h.id(), projectId,
                    spec.collection() != null ? spec.collection() : h.collection(),
                    spec.upsertKey() != null ? spec.upsertKey() : h.upsertKey(),
                    spec.mapping() != null ? spec.mapping() : h.mapping(),
                    spec.scheme() != null ? spec.scheme() : h.scheme(),
                    spec.secret() != null ? secrets.seal(spec.secret()) : h.sealedSecret(),
                    spec.descriptionSet() ? spec.description() : h.description(), h.createdAt(), Timestamps.now());
            check(tx, next);
            hooks.update(tx, next);
            return next;
        });
    }

    public void delete(String projectId, String id) {
        db.write(tx -> {
            if (!hooks.delete(tx, projectId, id)) throw notFound(id);
            return null;
        });
    }

    public LogPage log(String projectId, String id, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) throw new VellumException.BadRequest("invalid_query", "limit must be from 1 to " + MAX_PAGE);
        List<InboundLogEntry> page = db.read(tx -> {
            find(tx, projectId, id);
            return hooks.logPage(tx, id, cursor, limit);
        });
        return new LogPage(page, page.size() == limit ? page.getLast().id() : null);
    }

    /** The collection exists, the mapping targets its fields, and the upsert key is a mapped slug or scalar field. */
    private void check(Tx tx, InboundHook h) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        Optional<CollectionSchema> c = collections.find(tx, h.projectId(), h.collection());
        if (c.isEmpty()) throw InboundHookSpec.invalid(List.of(new FieldError("collection", "unknown_collection",
                "no collection '" + h.collection() + "' in this project")));
        PayloadMapping mapping = PayloadMapping.parse(h.mapping(), c.get(), errors);
        if (!h.upsertKey().equals("slug")) {
            Optional<Field> key = c.get().field(h.upsertKey());
            if (key.isEmpty() || !key.get().type().scalar()) {
                errors.add(new FieldError("upsert_key", "invalid_upsert_key", "upsert_key is slug or a text, number, date, enum or link field"));
            }
        }
        if (!mapping.targets().containsKey(h.upsertKey())) {
            errors.add(new FieldError("upsert_key", "unmapped_upsert_key", "map '" + h.upsertKey() + "' so each payload says which entry it is"));
        }
        if (!errors.isEmpty()) throw InboundHookSpec.invalid(errors);
    }

    public int expireLog(String cutoff) {
        return db.write(tx -> hooks.expire(tx, cutoff));
    }

    private InboundHook find(Tx tx, String projectId, String id) throws SQLException {
        return hooks.find(tx, id).filter(h -> h.projectId().equals(projectId)).orElseThrow(() -> notFound(id));
    }

    /** Unguessable: the id is in the hook's public URL. */
    private static String newId() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        return "ih_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static VellumException notFound(String id) {
        return new VellumException.NotFound("inbound_hook_not_found", "No inbound hook '" + id + "'");
    }
}
