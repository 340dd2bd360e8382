package dev.vellum.content;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.vellum.changes.Change;
import dev.vellum.changes.ChangeKind;
import dev.vellum.changes.ChangeLog;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.query.ListParams;
import dev.vellum.query.ListQuery;
import dev.vellum.query.ListQueryParser;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.InvalidValue;
import dev.vellum.schema.SchemaRegistry;
import dev.vellum.storage.Database;
import dev.vellum.storage.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import dev.vellum.time.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entries: create, read, change, delete, batch, list. Every write runs in one transaction with its
 * change-log record; values are validated per field with all errors reported at once.
 */
public final class EntryService {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Reads a page's tokens into the tree its JSON text parses to: a whole number written as a {@code long} is an
     * {@code IntNode} when it fits in one, as the parser reads it from text (the rendering writes longs).
     */
    private static final ObjectReader TREES = JSON.reader().with(new JsonNodeFactory() {
        @Override
        public NumericNode numberNode(long v) {
            return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
        }
    });

    private final Database db;
    private final ChangeLog changes;
    private final SchemaRegistry registry;
    private final EntryWriter writer;
    private final dev.vellum.assets.AssetService assets;
    private final EntryRepository entries = new EntryRepository();
    private final EntryListing listing = new EntryListing();
    private final IdempotencyRepository idempotency = new IdempotencyRepository();

    /** A rendered entry and its version (for the ETag). */
    public record Rendered(ObjectNode body, String id, long version) {}

    /** The result of a create: status and body, replayed when an Idempotency-Key was seen before. */
    public record Created(int status, ObjectNode body, String id, long version, boolean replayed) {}

    /** An Idempotency-Key with the hash of the request it came with. */
    public record IdempotencyKey(String key, String requestHash) {}

    /** What an upsert did. */
    public record Upserted(Outcome outcome, String id, long version) {
        public enum Outcome { CREATED, UPDATED, UNCHANGED }
    }

    /** Work that must commit or roll back with an upsert (an inbound hook claims its event id). */
    @FunctionalInterface
    public interface InTransaction {
        void run(Tx tx) throws SQLException;
    }

    public EntryService(Database db, ChangeLog changes, SchemaRegistry registry) {
        this(db, changes, registry, null);
    }

    /** With {@code assets}, image and file values that name an asset ({@code {"asset": id}}) must name one of the project's. */
    public EntryService(Database db, ChangeLog changes, SchemaRegistry registry, dev.vellum.assets.AssetService assets) {
        this.db = db;
        this.changes = changes;
        this.registry = registry;
        this.writer = new EntryWriter(registry, entries, assets);
        this.assets = assets;
    }

    public Created create(String projectId, String collectionId, JsonNode body, String tokenId, IdempotencyKey key,
                          RichTextFormat format) {
        List<FieldError> errors = new ArrayList<>();
        EntryInput input = EntryInput.parse(body, "", errors);
        if (input.id() != null) errors.add(new FieldError("id", "read_only", "ids are assigned by the server"));
        throwIfInvalid(errors);
        CollectionSchema schema = registry.get(projectId, collectionId);
        PreparedEntry prepared = PreparedEntry.of(schema, input, true, "");
        // everything that needs no lock is done here, on the caller's thread: on SQLite the write itself runs on the
        // group-commit leader, one request after another, so what it does per request bounds the creates per second
        EncodedEntry encoded = EncodedEntry.ahead(schema, prepared);
        Written written = changes.write(projectId, (tx, log) -> {
            CollectionSchema c = registry.forWrite(tx, projectId, collectionId);
            if (key != null) {
                Optional<IdempotencyRepository.Stored> seen = idempotency.find(tx, projectId, tokenId, key.key());
                if (seen.isPresent()) return new Written(null, c, replay(seen.get(), key));
            }
            Entry e = writer.create(tx, projectId, c, prepared, encoded);
            boolean ahead = encoded != null && encoded.fits(c);
            log.record(change(ChangeKind.ENTRY_CREATED, c, e, tokenId, ahead ? EntryJson.changeData(e, encoded.json()) : null));
            if (key == null) return new Written(e, c, null); // rendered once committed, off the writer
            ObjectNode rendered = EntryJson.render(e, c, format, sources(projectId, tx, format));
            idempotency.insert(tx, projectId, tokenId, key.key(),
                    new IdempotencyRepository.Stored(key.requestHash(), 201, rendered.toString()), Timestamps.now());
            return new Written(e, c, new Created(201, rendered, e.id(), e.version(), false));
        });
        if (written.created() != null) return written.created();
        Entry e = written.entry();
        return new Created(201, EntryJson.render(e, written.schema(), format, sources(projectId, null, format)), e.id(), e.version(), false);
    }

    /** What a create's transaction hands back: the entry and the schema it was written with, or the response already made. */
    private record Written(Entry entry, CollectionSchema schema, Created created) {}

    public Rendered get(String projectId, String collectionId, String id, boolean seesDrafts, RichTextFormat format) {
        CollectionSchema c = registry.get(projectId, collectionId);
        Entry e = db.read(tx -> entries.find(tx, c, id)).filter(x -> seesDrafts || !x.draft()).orElseThrow(() -> notFound(id));
        return new Rendered(EntryJson.render(e, c, format, sources(projectId, null, format)), e.id(), e.version());
    }

    public Rendered update(String projectId, String collectionId, String id, JsonNode body, Long expectedVersion,
                           String tokenId, RichTextFormat format) {
        List<FieldError> errors = new ArrayList<>();
        EntryInput input = EntryInput.parse(body, "", errors);
        if (input.id() != null && !input.id().equals(id)) errors.add(new FieldError("id", "read_only", "an entry's id cannot change"));
        throwIfInvalid(errors);
        PreparedEntry prepared = PreparedEntry.of(registry.get(projectId, collectionId), input, false, "");
        return changes.write(projectId, (tx, log) -> {
            CollectionSchema c = registry.forWrite(tx, projectId, collectionId);
            Entry current = entries.find(tx, c, id).orElseThrow(() -> notFound(id));
            if (expectedVersion != null && expectedVersion != current.version()) throw stale(current.version());
            Entry next = writer.update(tx, projectId, c, current, prepared);
            if (next != current) log.record(change(ChangeKind.ENTRY_UPDATED, c, next, tokenId));
            return new Rendered(EntryJson.render(next, c, format, sources(projectId, tx, format)), next.id(), next.version());
        });
    }

    public void delete(String projectId, String collectionId, String id, Long expectedVersion, String tokenId) {
        changes.write(projectId, (tx, log) -> {
            CollectionSchema c = registry.forWrite(tx, projectId, collectionId);
            Entry current = entries.find(tx, c, id).orElseThrow(() -> notFound(id));
            if (expectedVersion != null && expectedVersion != current.version()) throw stale(current.version());
            entries.delete(tx, c, id);
            ObjectNode data = JSON.createObjectNode().put("id", id).put("slug", current.slug());
            log.record(new Change(0, ChangeKind.ENTRY_DELETED.wire(), c.id(), id, current.version() + 1, current.draft(), tokenId,
                    Timestamps.now(), data));
            return null;
        });
    }

    /**
     * Creates or updates the entry whose {@code key} ({@code slug} or a field id) has the value that
     * {@code body} carries for it; {@code first} runs first in the same transaction.
     */
    public Upserted upsert(String projectId, String collectionId, String key, JsonNode body, String tokenId, InTransaction first) {
        List<FieldError> errors = new ArrayList<>();
        EntryInput input = EntryInput.parse(body, "", errors);
        throwIfInvalid(errors);
        CollectionSchema schema = registry.get(projectId, collectionId);
        PreparedEntry asCreate = PreparedEntry.of(schema, input, true, "");
        PreparedEntry asUpdate = PreparedEntry.of(schema, input, false, "");
        return changes.write(projectId, (tx, log) -> {
            first.run(tx);
            CollectionSchema c = registry.forWrite(tx, projectId, collectionId);
            if (key.equals("slug") && input.slug() == null) throw keyMissing("slug");
            Optional<Entry> existing = key.equals("slug") ? entries.findBySlug(tx, c, input.slug()) : findByKey(tx, c, key, input);
            if (existing.isEmpty()) {
                Entry e = writer.create(tx, projectId, c, asCreate);
                log.record(change(ChangeKind.ENTRY_CREATED, c, e, tokenId));
                return new Upserted(Upserted.Outcome.CREATED, e.id(), e.version());
            }
            Entry next = writer.update(tx, projectId, c, existing.get(), asUpdate);
            if (next == existing.get()) return new Upserted(Upserted.Outcome.UNCHANGED, next.id(), next.version());
            log.record(change(ChangeKind.ENTRY_UPDATED, c, next, tokenId));
            return new Upserted(Upserted.Outcome.UPDATED, next.id(), next.version());
        });
    }

    private Optional<Entry> findByKey(Tx tx, CollectionSchema c, String key, EntryInput input) throws SQLException {
        Field f = c.field(key).orElseThrow(() -> new VellumException.Invalid("invalid_upsert_key", "The upsert key is not valid",
                List.of(new FieldError("upsert_key", "unknown_field", "the collection has no field '" + key + "'"))));
        JsonNode value = input.fields().get(key);
        if (value == null || value.isNull()) throw keyMissing("fields." + key);
        try {
            return entries.findByField(tx, c, f, f.type().normalize(value));
        } catch (InvalidValue e) {
            throw new VellumException.Invalid("validation_failed", "The entry is not valid",
                    List.of(new FieldError("fields." + key, e.code(), e.getMessage())));
        }
    }

    private static VellumException keyMissing(String path) {
        return new VellumException.Invalid("upsert_key_missing", "The entry has no value for its upsert key",
                List.of(new FieldError(path, "required", "the upsert key needs a value")));
    }

    /** Work done in a batch's own transaction once its items are written (an importer records what each item became). */
    @FunctionalInterface
    public interface AfterBatch {
        void run(Tx tx, BatchResult result) throws SQLException;
    }

    public BatchResult batch(String projectId, String collectionId, JsonNode body, String tokenId) {
        return batch(projectId, collectionId, body, tokenId, BatchRequest.MAX_ITEMS, (tx, result) -> { });
    }

    /**
     * The most items a bulk writer's batch may hold ({@link #batch(String, String, JsonNode, String, int, AfterBatch)}):
     * SQLite writes a transaction of 5,000 entries at about 1.7 times the rate of one of 1,000 (bench/throughput/SqliteFloor),
     * as an index page touched by several of its rows is written once.
     */
    public static final int BULK_ITEMS = 5000;

    /**
     * A batch of up to {@code maxItems} items (the API allows 1,000; importers, which build their own bodies, up to
     * {@link #BULK_ITEMS}), and {@code after} in its transaction.
     */
    public BatchResult batch(String projectId, String collectionId, JsonNode body, String tokenId, int maxItems, AfterBatch after) {
        BatchRequest request = BatchRequest.parse(body, Math.min(maxItems, BULK_ITEMS));
        EntryBatch batch = new EntryBatch(writer, entries, registry.get(projectId, collectionId), request);
        try {
            BatchResult written = changes.write(projectId, (tx, log) -> {
                CollectionSchema c = registry.forWrite(tx, projectId, collectionId);
                BatchResult result = batch.run(tx, projectId, c, (kind, e, data) ->
                        log.record(change(kind, c, e, tokenId, data)));
                if (request.atomic() && result.failed()) throw new AtomicBatchFailed(result.asRolledBack());
                after.run(tx, result);
                return result;
            });
            db.refreshStatistics(registry.get(projectId, collectionId).table()); // bulk writes change the planner's picture at once
            return written;
        } catch (AtomicBatchFailed failed) {
            return failed.result;
        }
    }

    /**
     * Updates existing entries in one transaction, each only if it is still at its expected version:
     * an entry changed meanwhile fails alone ({@code version_mismatch}), the others are written. Each
     * body carries the entry's {@code id} and the (partial) values, as {@link #update} takes them. For
     * bulk writers such as sync that must never overwrite an edit made while they ran.
     */
    public BatchResult updateAll(String projectId, String collectionId, List<JsonNode> bodies, List<Long> versions, String tokenId) {
        if (bodies.size() != versions.size()) throw new IllegalArgumentException("one expected version per body");
        if (bodies.isEmpty()) return new BatchResult(List.of(), false);
        BatchRequest request = new BatchRequest(true, true, false, List.copyOf(bodies));
        EntryBatch batch = new EntryBatch(writer, entries, registry.get(projectId, collectionId), request, versions);
        return changes.write(projectId, (tx, log) -> {
            CollectionSchema c = registry.forWrite(tx, projectId, collectionId);
            return batch.run(tx, projectId, c, (kind, e, data) -> log.record(change(kind, c, e, tokenId, data)));
        });
    }

    /**
     * Restores exported entries ({@link EntryJson#render} in JSON form: id, slug, draft, version, timestamps,
     * publish_at, fields) into a collection, keeping ids, versions and timestamps. Values are validated;
     * references are not (a restore brings their targets too, in any order). One transaction, one
     * change-log record per entry; an entry whose id exists already fails the whole call.
     */
    public int restore(String projectId, String collectionId, List<JsonNode> exported, String tokenId) {
        CollectionSchema schema = registry.get(projectId, collectionId);
        List<Entry> restored = new ArrayList<>(exported.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < exported.size(); i++) {
            JsonNode e = exported.get(i);
            String prefix = "entries[" + i + "].";
            ObjectNode input = JSON.createObjectNode();
            for (String k : List.of("slug", "draft", "publish_at", "fields")) if (e.has(k)) input.set(k, e.get(k));
            PreparedEntry p = PreparedEntry.of(schema, EntryInput.parse(input, prefix, errors), true, prefix);
            errors.addAll(p.errors());
            if (!e.path("id").isTextual() || !e.path("version").canConvertToLong() || !e.path("created_at").isTextual()
                    || !e.path("updated_at").isTextual() || !e.path("slug").isTextual()) {
                errors.add(new FieldError(prefix + "id", "required", "a restored entry has its id, slug, version, created_at and updated_at"));
                continue;
            }
            restored.add(new Entry(e.get("id").asText(), e.get("slug").asText(), e.path("draft").asBoolean(false), e.get("version").asLong(),
                    e.get("created_at").asText(), e.get("updated_at").asText(), p.input().publishAt(), EntryValidator.complete(schema, p.values())));
        }
        throwIfInvalid(errors);
        changes.write(projectId, (tx, log) -> {
            CollectionSchema c = registry.forWrite(tx, projectId, collectionId);
            entries.insertAll(tx, c, restored);
            for (Entry e : restored) log.record(change(ChangeKind.ENTRY_CREATED, c, e, tokenId));
            return null;
        });
        return restored.size();
    }

    /** Rich text rendered as HTML or Markdown shows asset images at their URLs (JSON keeps the stored ids). */
    private AssetSources sources(String projectId, Tx tx, RichTextFormat format) {
        return format == RichTextFormat.JSON ? AssetSources.NONE : AssetSources.of(assets, projectId, tx);
    }

    /**
     * A stored rich-text value (a document or a list of them) whose images of assets carry their URLs in {@code src},
     * for an adapter that renders it as HTML or Markdown itself (GraphQL); the value itself when it has none.
     */
    public JsonNode withAssetSources(String projectId, JsonNode storedRichText) {
        return RichTextAssets.withSources(storedRichText, AssetSources.of(assets, projectId, null));
    }

    /**
     * Fills in what the assets named by rendered entries (one, or a page with {@code data}) are, as the REST API shows
     * them (see {@link dev.vellum.assets.AssetService#expand}); nothing without an asset store.
     */
    public void expandAssets(String projectId, JsonNode rendered) {
        if (assets != null) assets.expand(projectId, rendered);
    }

    /** Whether the collection has file or image fields (whose asset references the HTTP API expands). */
    public boolean holdsAssets(String projectId, String collectionId) {
        for (Field f : registry.get(projectId, collectionId).fields()) {
            var t = f.type() instanceof dev.vellum.schema.ArrayType a ? a.of() : f.type();
            if (t instanceof dev.vellum.schema.FileType || t instanceof dev.vellum.schema.ImageType) return true;
        }
        return false;
    }

    /** Whether the collection has rich-text fields (whose images may name assets). */
    public boolean holdsRichText(String projectId, String collectionId) {
        for (Field f : registry.get(projectId, collectionId).fields()) {
            if (RichTextAssets.holdsRichText(f.type())) return true;
        }
        return false;
    }

    /**
     * The entries with these ids that the caller may see (drafts only with {@code seesDrafts}), each as a GET of it renders
     * it (rich text as JSON; assets not expanded) with only the {@code fields} given ({@code null}: all), in no particular
     * order; ids of no entry are left out. One query per 512 ids: how GraphQL reads the entries a page's references name.
     */
    public List<ObjectNode> findAll(String projectId, String collectionId, java.util.Collection<String> ids, java.util.Set<String> fields,
                                    boolean seesDrafts) {
        CollectionSchema c = registry.get(projectId, collectionId);
        if (ids.isEmpty()) return List.of();
        List<Entry> found = db.read(tx -> entries.findAll(tx, c, ids, "id", fields));
        List<ObjectNode> out = new ArrayList<>(found.size());
        for (Entry e : found) if (seesDrafts || !e.draft()) out.add(EntryJson.render(e, c, RichTextFormat.JSON));
        return out;
    }

    /**
     * A page of entries as a JSON tree (GraphQL, the admin UI, the CLI's local mode, lists that expand assets): the tree
     * that parsing {@link #listJson}'s bytes gives, built from the same rendering's tokens with no JSON text in between.
     */
    public ObjectNode list(String projectId, String collectionId, ListParams params, boolean seesDrafts, RichTextFormat format) {
        return render(projectId, collectionId, params, seesDrafts, format, () -> new TokenBuffer(JSON, false), tokens -> {
            try (JsonParser p = tokens.asParser(JSON)) {
                return (ObjectNode) TREES.readTree(p);
            }
        });
    }

    /**
     * A page of entries as the JSON bytes of the response, rendered straight from the result sets while
     * they are read (no entry records or JSON trees in between; see {@link EntryStream}).
     */
    public byte[] listJson(String projectId, String collectionId, ListParams params, boolean seesDrafts, RichTextFormat format) {
        var out = new ByteArrayBuilder(8192);
        return render(projectId, collectionId, params, seesDrafts, format, () -> EntryStream.JSON.getFactory().createGenerator(out),
                g -> out.toByteArray());
    }

    /** Opens what a page is written to (generators declare I/O errors). */
    private interface Output<G extends JsonGenerator> {
        G open() throws IOException;
    }

    /** What is made of a page once it is written and its generator closed. */
    private interface Result<G extends JsonGenerator, T> {
        T of(G written) throws IOException;
    }

    private <G extends JsonGenerator, T> T render(String projectId, String collectionId, ListParams params, boolean seesDrafts,
                                                  RichTextFormat format, Output<G> output, Result<G, T> result) {
        CollectionSchema c = registry.get(projectId, collectionId);
        ListQuery q = ListQueryParser.parse(c, params, !seesDrafts, target -> registry.find(projectId, target));
        String fingerprint = ListQueryParser.fingerprint(q.sort(), params.filter(), q.search() == null ? null : params.search(),
                q.publishedOnly());
        return db.read(tx -> {
            try {
                G g = output.open();
                try (g) {
                    listing.write(tx, c, q, fingerprint, format, sources(projectId, tx, format), g);
                }
                return result.of(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Deletes stored idempotency responses older than a day. */
    public int expireIdempotencyKeys() {
        String cutoff = Timestamps.format(java.time.Instant.now().minus(java.time.Duration.ofHours(24)));
        return db.write(tx -> idempotency.deleteOlderThan(tx, cutoff));
    }

    private static Created replay(IdempotencyRepository.Stored seen, IdempotencyKey key) {
        if (!seen.requestHash().equals(key.requestHash())) {
            throw new VellumException.Invalid("idempotency_key_reused",
                    "This Idempotency-Key was used with a different request", List.of(new FieldError("Idempotency-Key",
                            "reused", "send a new key for a different request")));
        }
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(seen.response());
            return new Created(seen.status(), body, body.path("id").asText(), body.path("version").asLong(), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not JSON", e);
        }
    }

    static Change change(ChangeKind kind, CollectionSchema c, Entry e, String tokenId) {
        return change(kind, c, e, tokenId, null);
    }

    /** @param data the entry's JSON when the caller rendered it already, else null */
    static Change change(ChangeKind kind, CollectionSchema c, Entry e, String tokenId, JsonNode data) {
        return new Change(0, kind.wire(), c.id(), e.id(), e.version(), e.draft(), tokenId, e.updatedAt(),
                data != null ? data : EntryJson.render(e, c, RichTextFormat.JSON));
    }

    static void throwIfInvalid(List<FieldError> errors) {
        if (!errors.isEmpty()) throw new VellumException.Invalid("validation_failed", "The entry is not valid", errors);
    }

    static VellumException notFound(String id) {
        return new VellumException.NotFound("entry_not_found", "No entry '" + id + "' in this collection");
    }

    static VellumException stale(long current) {
        return new VellumException.PreconditionFailed("version_mismatch",
                "The entry has changed since you read it; it is now at version " + current);
    }

    /** Unwinds the transaction of an atomic batch that had failures, carrying the per-item report out. */
    private static final class AtomicBatchFailed extends RuntimeException {
        final BatchResult result;

        AtomicBatchFailed(BatchResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

}
