package dev.vellum.assets;

import dev.vellum.changes.Change;
import dev.vellum.changes.ChangeKind;
import dev.vellum.changes.ChangeLog;
import dev.vellum.config.AssetSettings;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.storage.Database;
import dev.vellum.storage.SqlErrors;
import dev.vellum.time.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assets facade: uploads (streamed to a temp file while hashed, sniffed, de-duplicated per
 * project), uploads from a URL through the outbound policy, metadata, deletion guarded by the entries
 * that use an asset, purge, serving and the per-project public/private setting. Importers, sync and
 * the admin UI call this; HTTP and the CLI are adapters over it. Every change is recorded in the
 * change log (asset.created, asset.updated, asset.deleted) in the transaction that makes it.
 */
public final class AssetService {
    private static final Logger log = LoggerFactory.getLogger(AssetService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TEXT = 1000;

    private final Database db;
    private final ChangeLog changes;
    private final AssetStore store;
    private final AssetSettings settings;
    private final TypePolicy types;
    private final UrlFetcher fetcher;
    private final String publicBase;
    private final AssetRepository repository = new AssetRepository();
    private final Counter uploadsCreated;
    private final Counter uploadsDeduplicated;
    private final AssetVariants variants;
    private volatile AssetReferences references = AssetReferences.NONE;

    public AssetService(Database db, ChangeLog changes, AssetStore store, AssetSettings settings, OutboundPolicy policy,
                        Optional<String> publicUrl, MeterRegistry meters) {
        this.db = db;
        this.changes = changes;
        this.store = store;
        this.settings = settings;
        this.types = new TypePolicy(settings.allowedTypes());
        this.fetcher = new UrlFetcher(policy, settings.fetchTimeout(), settings.fetchMaxRedirects());
        this.publicBase = publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse("");
        this.uploadsCreated = Counter.builder("vellum.assets.uploads").tag("result", "created")
                .description("Asset uploads, by whether they stored new bytes or matched an existing asset").register(meters);
        this.uploadsDeduplicated = Counter.builder("vellum.assets.uploads").tag("result", "deduplicated")
                .description("Asset uploads, by whether they stored new bytes or matched an existing asset").register(meters);
        this.variants = new AssetVariants(db, store, settings, repository, meters);
        io.micrometer.core.instrument.Gauge.builder("vellum.assets.bytes.stored", this, AssetService::bytesStored)
                .description("Bytes of assets and their variants in the store").register(meters);
    }

    /** Where entries live decides which of them use an asset; wired once content is built. */
    public void useReferences(AssetReferences references) {
        this.references = references;
    }

    public AssetStore store() {
        return store;
    }

    /** The largest accepted upload in bytes (VELLUM_ASSET_MAX_BYTES). */
    public long maxBytes() {
        return settings.maxBytes();
    }

    // --- uploads ---------------------------------------------------------------------------------

    /** Stores a body: streamed to a temp file while hashed, sniffed, de-duplicated; 413 past the limit, 415 for a type not allowed. */
    public StoredAsset upload(String projectId, InputStream body, AssetUpload meta) {
        requireProject(projectId);
        try (SpooledFile file = SpooledFile.copy(body, settings.spoolDir(), settings.maxBytes())) {
            return store(projectId, file, meta == null ? new AssetUpload(null, null, null, null) : meta);
        }
    }

    /**
     * Stores the file an import reads (uploaded in the admin, then named by the import job): as {@link #upload},
     * except that XML is accepted too whatever the upload policy says, since a WordPress export (WXR) is XML.
     */
    public StoredAsset uploadImportSource(String projectId, InputStream body, AssetUpload meta) {
        requireProject(projectId);
        try (SpooledFile file = SpooledFile.copy(body, settings.spoolDir(), settings.maxBytes())) {
            return store(projectId, file, meta == null ? new AssetUpload(null, null, null, null) : meta, "application/xml");
        }
    }

    /** Downloads {@code url} (through the outbound policy: private and loopback hosts refused unless allow-listed) and stores it. */
    public StoredAsset fetch(String projectId, URI url, AssetUpload meta) {
        requireProject(projectId);
        AssetUpload m = meta == null ? new AssetUpload(null, null, null, null) : meta;
        StoredAsset[] out = new StoredAsset[1];
        fetcher.fetch(url, settings.maxBytes(), (in, filename, declared) -> {
            try (SpooledFile file = SpooledFile.copy(in, settings.spoolDir(), settings.maxBytes())) {
                out[0] = store(projectId, file, new AssetUpload(m.filename() != null ? m.filename() : filename,
                        m.declaredType() != null ? m.declaredType() : declared, m.alt(), m.title()));
            }
        });
        return out[0];
    }

    private StoredAsset store(String projectId, SpooledFile file, AssetUpload meta) {
        return store(projectId, file, meta, null);
    }

    /** {@code alsoAllowed}: one more content type accepted for this upload (null: the policy alone decides). */
    private StoredAsset store(String projectId, SpooledFile file, AssetUpload meta, String alsoAllowed) {
        String filename = Filenames.clean(meta.filename());
        String type = ContentSniffer.sniff(file.head(), file.headLength(), filename, meta.declaredType());
        if (!types.allows(type) && (alsoAllowed == null || !alsoAllowed.equals(type))) {
            throw new VellumException.UnsupportedMediaType("This file is " + type + ", which this server does not accept (see VELLUM_ASSET_ALLOWED_TYPES)");
        }
        Optional<Asset> existing = db.read(tx -> repository.findBySha256(tx, projectId, file.sha256()));
        if (existing.isPresent()) {
            uploadsDeduplicated.increment();
            return new StoredAsset(existing.get(), false);
        }
        Optional<ImageHeader> image = type.startsWith("image/") ? ImageHeader.read(file.path(), type) : Optional.empty();
        try {
            store.putConsuming(blobKey(projectId, file.sha256()), file.path(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the asset to the store (" + store.describe() + ")", e);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Asset asset = new Asset(Ulid.next(), filename == null ? "file" : filename, type, file.size(), file.sha256(),
                image.map(ImageHeader::displayWidth).orElse(null), image.map(ImageHeader::displayHeight).orElse(null),
                text(meta.alt(), "alt"), text(meta.title(), "title"), now, projectId, urlKey(), now);
        StoredAsset stored = changes.write(projectId, (tx, recorder) -> {
            Optional<Asset> raced = repository.findBySha256(tx, projectId, file.sha256());
            if (raced.isPresent()) return new StoredAsset(raced.get(), false);
            try {
                tx.savepoint(t -> {
                    repository.insert(t, asset);
                    return null;
                });
            } catch (SQLException e) {
                if (SqlErrors.uniqueViolation(e).isEmpty()) throw e;
                return new StoredAsset(repository.findBySha256(tx, projectId, file.sha256()).orElseThrow(() -> e), false);
            }
            recorder.record(change(ChangeKind.ASSET_CREATED, asset));
            return new StoredAsset(asset, true);
        });
        (stored.created() ? uploadsCreated : uploadsDeduplicated).increment();
        return stored;
    }

    /**
     * Recreates an exported asset ({@link AssetJson#archived}): the same id, file name, type, size, image size,
     * alt, title and timestamps; the bytes must have its sha256. Its URL gets a new random key. Recorded as
     * asset.created. An asset with the same id or bytes in the project is a 409.
     */
    public Asset restore(String projectId, com.fasterxml.jackson.databind.JsonNode meta, InputStream bytes) {
        requireProject(projectId);
        String id = meta.path("id").asText("");
        String sha256 = meta.path("sha256").asText("");
        if (!id.matches("[0-9A-Za-z]{1,64}") || !sha256.matches("[0-9a-f]{64}") || !meta.path("content_type").isTextual()
                || !meta.path("created_at").isTextual() || !meta.path("updated_at").isTextual()) {
            throw new VellumException.Invalid("invalid_archive", "The archive cannot be restored",
                    List.of(new FieldError("assets/" + id, "invalid_asset", "an archived asset has its id, sha256, content_type and timestamps")));
        }
        try (SpooledFile file = SpooledFile.copy(bytes, settings.spoolDir(), Long.MAX_VALUE)) {
            if (!file.sha256().equals(sha256)) {
                throw new VellumException.Invalid("invalid_archive", "The archive cannot be restored",
                        List.of(new FieldError("assets/" + id, "checksum_mismatch", "the bytes of asset " + id + " do not have its sha256")));
            }
            String type = meta.get("content_type").asText();
            String filename = Filenames.clean(meta.path("filename").asText("file"));
            Asset asset = new Asset(id, filename == null ? "file" : filename, type, file.size(), sha256, meta.path("width").isInt() ? meta.get("width").asInt() : null,
                    meta.path("height").isInt() ? meta.get("height").asInt() : null, text(meta.path("alt").textValue(), "alt"),
                    text(meta.path("title").textValue(), "title"), Timestamps.parse(meta.get("created_at").asText()), projectId, urlKey(),
                    Timestamps.parse(meta.get("updated_at").asText()));
            try {
                store.putConsuming(blobKey(projectId, sha256), file.path(), type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the asset to the store (" + store.describe() + ")", e);
            }
            return changes.write(projectId, (tx, recorder) -> {
                if (repository.find(tx, projectId, id).isPresent() || repository.findBySha256(tx, projectId, sha256).isPresent()) {
                    throw new VellumException.Conflict("asset_exists", "Project " + projectId + " already has asset " + id + " or its bytes");
                }
                repository.insert(tx, asset);
                recorder.record(change(ChangeKind.ASSET_CREATED, asset));
                return asset;
            });
        } catch (java.time.format.DateTimeParseException e) {
            throw new VellumException.Invalid("invalid_archive", "The archive cannot be restored",
                    List.of(new FieldError("assets/" + id, "invalid_asset", "created_at/updated_at are not timestamps")));
        }
    }

    // --- reading ---------------------------------------------------------------------------------

    public Optional<Asset> get(String projectId, String id) {
        return db.read(tx -> repository.find(tx, projectId, id));
    }

    /** The asset, read in the caller's transaction. */
    public Optional<Asset> get(dev.vellum.storage.Tx tx, String projectId, String id) throws SQLException {
        return repository.find(tx, projectId, id);
    }

    /** The project's asset whose URL carries {@code urlKey}, read in the caller's transaction. */
    public Optional<Asset> byUrlKey(dev.vellum.storage.Tx tx, String projectId, String urlKey) throws SQLException {
        return repository.findByUrlKey(tx, projectId, urlKey);
    }

    /** The asset, or 404. */
    public Asset require(String projectId, String id) {
        return get(projectId, id).orElseThrow(() -> notFound(id));
    }

    /** Which of {@code ids} are assets of the project, inside the caller's transaction (entry writes check their asset fields). */
    public java.util.Set<String> existing(dev.vellum.storage.Tx tx, String projectId, java.util.Collection<String> ids) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        for (Asset a : repository.findMany(tx, projectId, java.util.Set.copyOf(ids))) found.add(a.id());
        return found;
    }

    /**
     * Completes rendered entries (one entry, or a page with {@code data}): every field value
     * {@code {"asset": id, …}} (also inside lists) gets the asset's url, filename, content_type, size, width and
     * height, and its alt unless the entry set one. An asset deleted with force reads {@code "url": null,
     * "missing": true}: an entry never points at nothing silently. One query per call.
     */
    public void expand(String projectId, com.fasterxml.jackson.databind.JsonNode rendered) {
        AssetExpansion.expand(rendered, ids -> db.read(tx -> repository.findMany(tx, projectId, ids)), this::url);
    }

    /** The asset whose public URL carries {@code urlKey}. */
    public Optional<Asset> byUrlKey(String projectId, String urlKey) {
        return db.read(tx -> repository.findByUrlKey(tx, projectId, urlKey));
    }

    /** The asset's bytes, whole. The caller closes the stream. */
    public InputStream open(String projectId, String id) {
        return open(require(projectId, id), 0, -1);
    }

    /** {@code length} bytes from {@code offset} ({@code length} &lt; 0: to the end). */
    public InputStream open(Asset asset, long offset, long length) {
        try {
            return store.open(blobKey(asset.projectId(), asset.sha256()), offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + asset.id() + " from the store (" + store.describe() + ")", e);
        }
    }

    /** Where the asset is served: {@code /assets/<project>/<random key>/<file name>}, under VELLUM_PUBLIC_URL when set. */
    public String url(Asset asset) {
        return publicBase + "/assets/" + asset.projectId() + "/" + asset.urlKey() + "/"
                + URLEncoder.encode(asset.filename(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Parses a variant request for this asset (422 with every fault, or when the asset is not a resizable image). */
    public VariantSpec variantSpec(Asset asset, String w, String h, String fit, String format, String q) {
        return variants.spec(asset, w, h, fit, format, q);
    }

    /** The variant, made and stored on first request; later requests find it stored. */
    public Variant variant(Asset asset, VariantSpec spec) {
        return variants.get(asset, spec);
    }

    public InputStream openVariant(Asset asset, Variant variant, long offset, long length) {
        return variants.open(asset, variant, offset, length);
    }

    /** Whether variants can be written as WebP here (only with an ImageIO WebP writer on the class path). */
    public boolean webpVariants() {
        return variants.webpAvailable();
    }

    public AssetPage list(String projectId, AssetQuery q) {
        requireProject(projectId);
        int limit = q.limit() < 1 ? 50 : Math.min(q.limit(), AssetQuery.MAX_LIMIT);
        String before = q.cursor() == null || q.cursor().isEmpty() ? null : decodeCursor(q.cursor());
        String type = blank(q.type()) ? null : q.type().strip().toLowerCase(java.util.Locale.ROOT);
        String filename = blank(q.filename()) ? null : q.filename().strip();
        List<Asset> rows = db.read(tx -> repository.list(tx, projectId, type, filename, before, limit + 1));
        if (rows.size() <= limit) return new AssetPage(rows, null);
        List<Asset> page = rows.subList(0, limit);
        return new AssetPage(List.copyOf(page), encodeCursor(page.get(limit - 1).id()));
    }

    // --- changing --------------------------------------------------------------------------------

    public Asset update(String projectId, String id, AssetPatch patch) {
        String alt = patch.alt() == null ? null : text(patch.alt(), "alt");
        String title = patch.title() == null ? null : text(patch.title(), "title");
        return changes.write(projectId, (tx, recorder) -> {
            Asset a = repository.find(tx, projectId, id).orElseThrow(() -> notFound(id));
            String nextAlt = patch.alt() == null ? a.alt() : alt;
            String nextTitle = patch.title() == null ? a.title() : title;
            if (java.util.Objects.equals(nextAlt, a.alt()) && java.util.Objects.equals(nextTitle, a.title())) return a;
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            repository.updateText(tx, projectId, id, nextAlt, nextTitle, Timestamps.format(now));
            Asset next = new Asset(a.id(), a.filename(), a.contentType(), a.size(), a.sha256(), a.width(), a.height(), nextAlt, nextTitle,
                    a.createdAt(), a.projectId(), a.urlKey(), now);
            recorder.record(change(ChangeKind.ASSET_UPDATED, next));
            return next;
        });
    }

    /**
     * Deletes an asset and its bytes. While entries use it the answer is 409 listing them, unless
     * {@code force}: then it goes anyway and those entries' references read as missing.
     */
    public Asset delete(String projectId, String id, boolean force) {
        Asset a = require(projectId, id);
        if (!force) {
            List<AssetUse> uses = references.find(projectId, a, 50);
            if (!uses.isEmpty()) throw inUse(a, uses);
        }
        return deleteUnused(projectId, id);
    }

    /** Deletes the row (with asset.deleted) and then the bytes; whether entries use it was settled by the caller. */
    private Asset deleteUnused(String projectId, String id) {
        Asset deleted = changes.write(projectId, (tx, recorder) -> {
            Asset current = repository.find(tx, projectId, id).orElseThrow(() -> notFound(id));
            repository.delete(tx, projectId, id);
            recorder.record(change(ChangeKind.ASSET_DELETED, current));
            return current;
        });
        removeBytes(deleted);
        return deleted;
    }

    /** Deletes assets created more than {@code olderThan} ago that no entry uses; {@code dryRun} only lists them. */
    public List<Asset> purge(String projectId, Duration olderThan, boolean dryRun) {
        requireProject(projectId);
        String before = Timestamps.format(Instant.now().minus(olderThan));
        List<Asset> purged = new ArrayList<>();
        String after = null;
        while (true) {
            String from = after;
            List<Asset> batch = db.read(tx -> repository.createdBefore(tx, projectId, before, from, 200));
            if (batch.isEmpty()) return purged;
            java.util.Set<String> used = references.used(projectId, batch); // one read of the entries for the batch
            for (Asset a : batch) {
                if (used.contains(a.id())) continue;
                if (!dryRun) {
                    try {
                        deleteUnused(projectId, a.id());
                    } catch (VellumException.NotFound raced) {
                        continue; // deleted meanwhile
                    }
                }
                purged.add(a);
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    private void removeBytes(Asset a) {
        try {
            if (db.read(tx -> repository.findBySha256(tx, a.projectId(), a.sha256())).isEmpty()) {
                store.delete(blobKey(a.projectId(), a.sha256()));
            }
            store.deletePrefix(variantPrefix(a));
        } catch (IOException e) {
            log.warn("asset {} deleted, but its bytes could not be removed from the store: {}", a.id(), e.toString());
        }
    }

    // --- project setting -------------------------------------------------------------------------

    /** Whether the project's asset URLs work without a token (the default; the URLs are unguessable). */
    public boolean isPublic(String projectId) {
        return db.read(tx -> repository.isPublic(tx, projectId)).orElse(true);
    }

    public boolean setPublic(String projectId, boolean isPublic) {
        requireProject(projectId);
        db.write(tx -> {
            repository.setPublic(tx, projectId, isPublic);
            return null;
        });
        return isPublic;
    }

    // --- helpers ---------------------------------------------------------------------------------

    static String blobKey(String projectId, String sha256) {
        return projectId + "/" + sha256.substring(0, 2) + "/" + sha256;
    }

    static String variantPrefix(Asset a) {
        return a.projectId() + "/variants/" + a.sha256() + "/";
    }

    private Change change(ChangeKind kind, Asset a) {
        return new Change(0, kind.wire(), null, null, null, false, null, Timestamps.now(), AssetJson.render(a, url(a)));
    }

    private void requireProject(String projectId) {
        if (!db.read(tx -> repository.projectExists(tx, projectId))) throw dev.vellum.auth.Access.projectNotFound(projectId);
    }

    private long bytesStored() {
        return db.read(repository::totalBytes);
    }

    private static String urlKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String text(String value, String field) {
        if (value == null || value.isEmpty()) return null;
        if (value.length() > MAX_TEXT) {
            throw new VellumException.Invalid("invalid_asset", "The asset is not valid",
                    List.of(new FieldError(field, "too_long", field + " is longer than " + MAX_TEXT + " characters")));
        }
        return value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String encodeCursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("a:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith("a:") && s.length() > 2) return s.substring(2);
        } catch (IllegalArgumentException ignored) {
            // falls through to the error
        }
        throw new VellumException.BadRequest("invalid_cursor", "The cursor is not one this API made; start again without it");
    }

    static VellumException notFound(String id) {
        return new VellumException.NotFound("asset_not_found", "No asset '" + id + "'");
    }

    private static VellumException inUse(Asset a, List<AssetUse> uses) {
        List<FieldError> errors = uses.stream().map(u -> new FieldError(u.collection() + "/" + u.entryId() + "/" + u.field(), "in_use",
                "entry " + u.entryId() + " of collection " + u.collection() + " uses this asset in field " + u.field())).toList();
        return new VellumException.Conflict("asset_in_use",
                "Asset " + a.id() + " is used by " + uses.size() + (uses.size() >= 50 ? "+" : "") + " entries; remove those uses or delete with ?force=true",
                errors);
    }
}
