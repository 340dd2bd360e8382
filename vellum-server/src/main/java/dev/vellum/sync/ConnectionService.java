package dev.vellum.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.assets.AssetService;
import dev.vellum.auth.Access;
import dev.vellum.changes.ChangeLog;
import dev.vellum.content.EntryService;
import dev.vellum.crypto.SecretBox;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.jobs.Job;
import dev.vellum.jobs.JobService;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.SchemaRegistry;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Directus connections of a project: connect (checking the URL and token), create the Directus
 * collection from the Vellum schema, suggest and keep the mapping, reconfigure, list what Directus
 * has, run syncs and read their history, list and resolve conflicts.
 */
public final class ConnectionService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final SecretBox secrets;
    private final OutboundPolicy policy;
    private final SchemaRegistry registry;
    private final SyncRunner runner;
    private final ConflictResolver resolver;
    private final ConnectionRepository connections = new ConnectionRepository();
    private final RunRepository runs = new RunRepository();
    private final SyncStateRepository state = new SyncStateRepository();
    private volatile JobService jobs;

    /** A new connection, with the fields that "create new" could not create in Directus. */
    public record Created(Connection connection, List<String> skippedFields) {}

    /** The outbound policy every call to Directus goes through (REST, files and the live WebSocket). */
    OutboundPolicy policy() {
        return policy;
    }

    /** @param assets the asset store images and files are re-hosted in and uploaded from (null: files stay Directus URLs) */
    public ConnectionService(Database db, SecretBox secrets, OutboundPolicy policy, SchemaRegistry registry, EntryService entries,
                             ChangeLog changes, Backoff backoff, MeterRegistry meters, AssetService assets) {
        this.db = db;
        this.secrets = secrets;
        this.policy = policy;
        this.registry = registry;
        this.runner = new SyncRunner(db, secrets, policy, registry, entries, changes, backoff, meters, assets);
        this.resolver = new ConflictResolver(db, registry, entries, runner);
    }

    public Created create(String projectId, JsonNode body) {
        ConnectionSpec spec = ConnectionSpec.parse(body, true);
        CollectionSchema schema = collection(projectId, spec.collection());
        DirectusClient client = new DirectusClient(spec.url(), spec.token(), policy, Backoff.CONNECT);
        check(client);
        String remote = spec.remoteCollection() != null ? spec.remoteCollection() : schema.id();
        List<String> skipped = List.of();
        if (spec.createRemote()) {
            try {
                skipped = RemoteCollectionCreator.create(client, schema, remote,
                        target -> db.read(tx -> connections.forCollection(tx, projectId, target)).map(Connection::remoteCollection).orElse(null))
                        .skipped();
            } catch (DirectusException e) {
                throw remoteProblem("remote_collection", "create_failed", "Directus did not create the collection: " + e.getMessage());
            }
        }
        List<RemoteField> fields = remoteFields(client, remote);
        String now = Timestamps.now();
        SyncOptions o = options(SyncOptions.DEFAULTS, spec);
        String idField = spec.idField() != null ? spec.idField() : fields.stream().filter(RemoteField::primaryKey).map(RemoteField::field)
                .findFirst().orElse("id");
        String slugField = spec.slugFieldSet() ? spec.slugField()
                : fields.stream().anyMatch(f -> f.field().equals("slug")) ? "slug" : null;
        List<FieldMap> mapping = spec.mapping() != null ? spec.mapping() : MappingSuggester.mapping(schema, fields);
        checkMapping(schema, fields, mapping, idField, slugField);
        Connection c = new Connection(Ulid.next(), projectId, schema.id(), spec.url(), secrets.seal(spec.token()), remote, idField, slugField,
                mapping, fields, o, null, 0, secrets.seal(newHookKey()), now, now);
        db.write(tx -> {
            if (connections.forCollection(tx, projectId, schema.id()).isPresent()) {
                throw new VellumException.Conflict("connection_exists", "Collection '" + schema.id() + "' already has a connection; reconfigure it");
            }
            connections.insert(tx, c);
            return null;
        });
        return new Created(c, skipped);
    }

    public List<Connection> list(String projectId) {
        return db.read(tx -> connections.list(tx, projectId));
    }

    public Connection get(String projectId, String id) {
        return db.read(tx -> connections.find(tx, projectId, id)).orElseThrow(() -> notFound(id));
    }

    /** Reconfigure: URL, token, Directus collection, slug and id fields, mapping, options. Directus is asked again for its fields. */
    public Connection update(String projectId, String id, JsonNode body) {
        ConnectionSpec spec = ConnectionSpec.parse(body, false);
        Connection c = get(projectId, id);
        CollectionSchema schema = collection(projectId, c.collection());
        String url = spec.url() != null ? spec.url() : c.url();
        String token = spec.token() != null ? spec.token() : secrets.open(c.sealedToken());
        DirectusClient client = new DirectusClient(url, token, policy, Backoff.CONNECT);
        check(client);
        String remote = spec.remoteCollection() != null ? spec.remoteCollection() : c.remoteCollection();
        List<RemoteField> fields = remoteFields(client, remote);
        String idField = spec.idField() != null ? spec.idField() : c.idField();
        String slugField = spec.slugFieldSet() ? spec.slugField() : c.slugField();
        List<FieldMap> mapping = spec.mapping() != null ? spec.mapping()
                : !remote.equals(c.remoteCollection()) ? MappingSuggester.mapping(schema, fields) : c.mapping();
        checkMapping(schema, fields, mapping, idField, slugField);
        Connection next = new Connection(c.id(), projectId, c.collection(), url, spec.token() != null ? secrets.seal(token) : c.sealedToken(),
                remote, idField, slugField, mapping, fields, options(c.options(), spec), c.pullMarker(), c.pushSeq(), c.hookKey(),
                c.createdAt(), Timestamps.now());
        db.write(tx -> {
            connections.update(tx, next);
            if (!remote.equals(c.remoteCollection()) || !url.equals(c.url())) { // another Directus collection: start over
                connections.markers(tx, c.id(), null, 0);
                state.forgetAll(tx, c.id());
            }
            return null;
        });
        return get(projectId, id);
    }

    public void delete(String projectId, String id) {
        db.write(tx -> {
            if (!connections.delete(tx, projectId, id)) throw notFound(id);
            return null;
        });
    }

    /** The Directus collections (Directus' own left out) with their fields and the Vellum type suggested for each. */
    public ObjectNode remote(String projectId, String id) {
        Connection c = get(projectId, id);
        return describe(runner.client(c), c.remoteCollection(), null);
    }

    /**
     * The "Connect" step before a connection exists (the admin's wizard): checks the URL and the token
     * like {@link #create} does and answers what {@link #remote} answers, each collection with the
     * mapping that would be suggested for the Vellum {@code collection} and the default id and slug fields.
     */
    public ObjectNode probe(String projectId, String collection, String url, String token) {
        ObjectNode spec = SyncJson.JSON.createObjectNode().put("url", url).put("token", token);
        ConnectionSpec.parse(spec, false);
        List<FieldError> missing = new ArrayList<>();
        if (url == null || url.isBlank()) missing.add(new FieldError("url", "required", "the Directus URL, e.g. https://cms.example.com"));
        if (token == null || token.isBlank()) missing.add(new FieldError("token", "required", "a Directus static access token"));
        if (!missing.isEmpty()) throw ConnectionSpec.invalid(missing);
        CollectionSchema schema = collection(projectId, collection);
        DirectusClient client = new DirectusClient(url, token, policy, Backoff.CONNECT);
        check(client);
        return describe(client, null, schema);
    }

    private static ObjectNode describe(DirectusClient client, String connected, CollectionSchema schema) {
        JsonNode collections;
        JsonNode fields;
        JsonNode relations;
        try {
            collections = client.collections();
            fields = client.allFields();
            relations = client.allRelations();
        } catch (DirectusException e) {
            throw translate(e);
        }
        ObjectNode out = SyncJson.JSON.createObjectNode();
        ArrayNode data = out.putArray("collections");
        for (JsonNode col : collections) {
            String name = col.path("collection").asText();
            if (name.startsWith("directus_") || col.path("schema").isNull()) continue;
            ObjectNode o = data.addObject().put("collection", name).put("connected", name.equals(connected));
            ArrayNode fs = o.putArray("fields");
            List<RemoteField> remoteFields = RemoteSchema.fields(name, fields, relations);
            if (schema != null) {
                o.set("mapping", SyncJson.mapping(MappingSuggester.mapping(schema, remoteFields)));
                o.put("id_field", remoteFields.stream().filter(RemoteField::primaryKey).map(RemoteField::field).findFirst().orElse("id"));
                o.put("slug_field", remoteFields.stream().anyMatch(f -> f.field().equals("slug")) ? "slug" : null);
            }
            describe(fs, remoteFields);
        }
        return out;
    }

    /** What the connection remembers of its Directus collection (shaped as {@link #remote} answers), without asking Directus. */
    public ObjectNode remembered(String projectId, String id) {
        Connection c = get(projectId, id);
        ObjectNode out = SyncJson.JSON.createObjectNode();
        ObjectNode o = out.putArray("collections").addObject().put("collection", c.remoteCollection()).put("connected", true);
        describe(o.putArray("fields"), c.remoteFields());
        return out;
    }

    private static void describe(ArrayNode out, List<RemoteField> fields) {
        for (RemoteField f : fields) {
            ObjectNode fo = SyncJson.remoteField(f);
            MappingSuggester.Suggestion s = MappingSuggester.suggest(f);
            ObjectNode sug = fo.putObject("suggested").put("type", s.type());
            if (s.format() != null) sug.put("format", s.format());
            if (s.of() != null) sug.putObject("of").put("type", s.of());
            if (MappingSuggester.system(f)) sug.put("system", true);
            out.add(fo);
        }
    }

    // --- runs -----------------------------------------------------------------------------------

    /** Starts a sync (or runs it and waits when {@code wait} is set). */
    public SyncRun sync(String projectId, String id, JsonNode body, boolean wait, String trigger) {
        Connection c = get(projectId, id);
        String direction = body == null ? null : body.path("direction").asText(null);
        if (direction == null || !List.of("pull", "push", "both").contains(direction)) {
            throw new VellumException.Invalid("invalid_sync", "The sync request is not valid",
                    List.of(new FieldError("direction", "invalid_option", "direction is pull, push or both")));
        }
        SyncRunner.Request r = new SyncRunner.Request(direction, body.path("dry_run").asBoolean(false), body.path("full").asBoolean(false), trigger);
        return start(c, r, wait ? Duration.ofMinutes(10) : null);
    }

    /**
     * Runs sync runs as jobs of the job system from now on (a serving node); without this (the CLI's
     * local mode) a run runs in the calling thread.
     */
    public void runThroughJobs(JobService jobService) {
        jobService.register(new SyncJobHandler(db, runner));
        this.jobs = jobService;
    }

    private SyncRun start(Connection c, SyncRunner.Request r, Duration wait) {
        JobService j = jobs;
        String runId = Ulid.next();
        if (j == null) return runner.runHere(c, r, runId, report -> { }, () -> false);
        if (runner.busy(c)) throw new VellumException.Conflict("sync_running", "A sync of this connection is running; wait for it to finish");
        SyncRun queued = runner.queued(c, r, runId);
        ObjectNode params = SyncJson.JSON.createObjectNode().put("connection", c.id()).put("run", runId).put("direction", r.direction())
                .put("dry_run", r.dryRun()).put("full", r.full()).put("trigger", r.trigger());
        Job job = j.submit(c.projectId(), SyncJobHandler.KIND, params);
        if (wait == null) return queued;
        j.await(c.projectId(), job.id(), wait);
        return runner.find(c, runId);
    }

    /** A sync triggered from outside (schedule, hook, live), incremental; empty when a run holds the connection. */
    public Optional<SyncRun> trigger(Connection c, String direction, String trigger) {
        try {
            return Optional.of(start(c, new SyncRunner.Request(direction, false, false, trigger), Duration.ofMinutes(10)));
        } catch (VellumException.Conflict running) {
            return Optional.empty();
        }
    }

    public SyncRun run(String projectId, String id, String runId) {
        get(projectId, id);
        return db.read(tx -> runs.find(tx, id, runId)).orElseThrow(() -> new VellumException.NotFound("run_not_found", "No run '" + runId + "'"));
    }

    public List<SyncRun> runs(String projectId, String id, int limit) {
        get(projectId, id);
        if (limit < 1 || limit > 200) throw new VellumException.BadRequest("invalid_query", "limit must be from 1 to 200");
        return db.read(tx -> runs.list(tx, id, limit));
    }

    // --- conflicts ------------------------------------------------------------------------------

    public List<Conflict> conflicts(String projectId, String id, String status) {
        get(projectId, id);
        String s = status == null ? "open" : status;
        if (!List.of("open", "resolved").contains(s)) throw new VellumException.BadRequest("invalid_query", "status is open or resolved");
        return db.read(tx -> state.conflicts(tx, id, s));
    }

    /** Applies the chosen side's values for the conflicting fields to both sides (other fields merge as usual). */
    public Conflict resolve(String projectId, String id, String conflictId, JsonNode body) {
        Connection c = get(projectId, id);
        String use = body == null ? null : body.path("use").asText(null);
        if (!"vellum".equals(use) && !"directus".equals(use)) {
            throw new VellumException.Invalid("invalid_resolution", "The resolution is not valid",
                    List.of(new FieldError("use", "invalid_option", "use is vellum or directus")));
        }
        Conflict conflict = db.read(tx -> state.conflict(tx, id, conflictId))
                .orElseThrow(() -> new VellumException.NotFound("conflict_not_found", "No conflict '" + conflictId + "'"));
        if (!conflict.status().equals("open")) throw new VellumException.Conflict("conflict_resolved", "This conflict was already resolved");
        try {
            resolver.resolve(c, conflict, use.equals("vellum"));
        } catch (DirectusException e) {
            throw translate(e);
        }
        return db.read(tx -> state.conflict(tx, id, conflictId)).orElseThrow();
    }

    /** The connection a Directus Flow's hook call names, if its key is right. */
    public Optional<Connection> byHook(String id, String key) {
        Optional<Connection> c = db.read(tx -> connections.find(tx, id));
        return c.filter(x -> java.security.MessageDigest.isEqual(secrets.open(x.hookKey()).getBytes(), key.getBytes()));
    }

    public String hookKey(Connection c) {
        return secrets.open(c.hookKey());
    }

    String token(Connection c) {
        return secrets.open(c.sealedToken());
    }

    List<Connection> automatic() {
        return db.read(connections::automatic);
    }

    boolean claimScheduled(Connection c, int minutes) {
        String now = Timestamps.now();
        return db.write(tx -> connections.claimScheduled(tx, c.id(), now,
                Timestamps.format(java.time.Instant.now().plus(Duration.ofMinutes(minutes)))));
    }

    // --- checks ---------------------------------------------------------------------------------

    private CollectionSchema collection(String projectId, String collection) {
        if (db.read(tx -> new dev.vellum.projects.ProjectRepository().find(tx, projectId)).isEmpty()) throw Access.projectNotFound(projectId);
        return registry.find(projectId, collection).orElseThrow(() -> ConnectionSpec.invalid(List.of(
                new FieldError("collection", "unknown_collection", "no collection '" + collection + "' in this project"))));
    }

    private static void check(DirectusClient client) {
        try {
            client.me();
        } catch (DirectusException e) {
            throw translate(e);
        }
    }

    private static List<RemoteField> remoteFields(DirectusClient client, String remote) {
        try {
            JsonNode fields = client.fields(remote);
            return RemoteSchema.fields(remote, fields, client.allRelations());
        } catch (DirectusException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw remoteProblem("remote_collection", "remote_collection_not_found",
                        "Directus has no collection '" + remote + "' that this token can read");
            }
            throw translate(e);
        }
    }

    private static void checkMapping(CollectionSchema schema, List<RemoteField> fields, List<FieldMap> mapping, String idField,
                                     String slugField) {
        List<FieldError> errors = new ArrayList<>();
        if (fields.stream().noneMatch(f -> f.field().equals(idField))) {
            errors.add(new FieldError("id_field", "unknown_remote_field", "Directus collection has no field '" + idField + "'"));
        }
        if (slugField != null && fields.stream().noneMatch(f -> f.field().equals(slugField))) {
            errors.add(new FieldError("slug_field", "unknown_remote_field", "Directus collection has no field '" + slugField + "'"));
        }
        for (int i = 0; i < mapping.size(); i++) {
            FieldMap m = mapping.get(i);
            if (schema.field(m.field()).isEmpty()) {
                errors.add(new FieldError("mapping[" + i + "].field", "unknown_field", "the Vellum collection has no field '" + m.field() + "'"));
            }
            if (!m.ignore() && fields.stream().noneMatch(f -> f.field().equals(m.remote()))) {
                errors.add(new FieldError("mapping[" + i + "].remote", "unknown_remote_field", "Directus collection has no field '" + m.remote() + "'"));
            }
        }
        if (!errors.isEmpty()) throw ConnectionSpec.invalid(errors);
    }

    private static SyncOptions options(SyncOptions old, ConnectionSpec s) {
        return new SyncOptions(s.alwaysOverwrite() != null ? s.alwaysOverwrite() : old.alwaysOverwrite(),
                s.conflicts() != null ? s.conflicts() : old.conflicts(), s.deletes() != null ? s.deletes() : old.deletes(),
                s.assets() != null ? s.assets() : old.assets(), s.scheduleSet() ? s.scheduleMinutes() : old.scheduleMinutes(),
                s.live() != null ? s.live() : old.live());
    }

    /** A failed call to Directus as the client should hear it: which setting to fix. */
    static VellumException translate(DirectusException e) {
        if (e.status() == -1 && "OUTBOUND_REFUSED".equals(e.code())) return remoteProblem("url", "url_not_allowed", e.getMessage());
        if (e.unreachable()) return remoteProblem("url", "directus_unreachable", e.getMessage());
        if (e.denied()) return remoteProblem("token", "directus_token_rejected",
                "Directus refused the token (" + e.status() + "); use a static token of a user who can read and write the collection");
        return new VellumException.Invalid("directus_error", e.getMessage(), List.of());
    }

    private static VellumException remoteProblem(String field, String code, String message) {
        return new VellumException.Invalid(code, message, List.of(new FieldError(field, code, message)));
    }

    private static VellumException notFound(String id) {
        return new VellumException.NotFound("connection_not_found", "No connection '" + id + "'");
    }

    private static String newHookKey() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
