package dev.vellum.assets;

import dev.vellum.config.AssetSettings;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.storage.Database;
import dev.vellum.storage.SqlErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Image variants: made once on first request, kept in the store beside the original and recorded
 * (the record is what later requests find, and what the per-asset cap counts). Requests for one
 * variant on one node wait for a single rendering; nodes racing each store the same bytes.
 */
final class AssetVariants {
    private final Database db;
    private final AssetStore store;
    private final AssetSettings settings;
    private final AssetRepository repository;
    private final ImageVariants images;
    private final boolean webp = ImageVariants.webpWriterAvailable();
    private final Object[] locks = new Object[64];
    private final Counter hits;
    private final Counter misses;

    AssetVariants(Database db, AssetStore store, AssetSettings settings, AssetRepository repository, MeterRegistry meters) {
        this.db = db;
        this.store = store;
        this.settings = settings;
        this.repository = repository;
        this.images = new ImageVariants(settings.maxPixels());
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
        this.hits = Counter.builder("vellum.assets.variants").tag("result", "hit").description("Variant requests, by whether the variant was already stored").register(meters);
        this.misses = Counter.builder("vellum.assets.variants").tag("result", "miss").description("Variant requests, by whether the variant was already stored").register(meters);
    }

    VariantSpec spec(Asset a, String w, String h, String fit, String format, String q) {
        if (!a.isImage() || !ImageVariants.DECODABLE.contains(a.contentType())) {
            throw new VellumException.Invalid("not_resizable", "Variants can be made of JPEG, PNG, GIF, BMP, TIFF and WebP images; this asset is " + a.contentType(),
                    List.of(new FieldError("w", "not_resizable", "this asset is " + a.contentType())));
        }
        return VariantSpec.parse(w, h, fit, format, q, a.contentType(), settings.variantMaxDimension(), webp);
    }

    boolean webpAvailable() {
        return webp;
    }

    Variant get(Asset a, VariantSpec spec) {
        Optional<Variant> stored = db.read(tx -> repository.findVariant(tx, a.projectId(), a.id(), spec.key()));
        if (stored.isPresent()) {
            hits.increment();
            return stored.get();
        }
        synchronized (locks[Math.floorMod((a.id() + spec.key()).hashCode(), locks.length)]) {
            stored = db.read(tx -> repository.findVariant(tx, a.projectId(), a.id(), spec.key()));
            if (stored.isPresent()) {
                hits.increment();
                return stored.get();
            }
            if (db.read(tx -> repository.countVariants(tx, a.projectId(), a.id())) >= settings.variantsPerAsset()) {
                throw new VellumException.Invalid("too_many_variants", "This asset already has " + settings.variantsPerAsset()
                        + " variants (VELLUM_ASSET_VARIANTS_PER_ASSET); ask for one of those", List.of(new FieldError("w", "too_many_variants",
                        "no new variants of this asset can be made")));
            }
            Variant made = render(a, spec);
            misses.increment();
            return made;
        }
    }

    InputStream open(Asset a, Variant v, long offset, long length) {
        try {
            return store.open(key(a, v.spec()), offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a variant of asset " + a.id(), e);
        }
    }

    static String key(Asset a, String spec) {
        return AssetService.variantPrefix(a) + spec;
    }

    private Variant render(Asset a, VariantSpec spec) {
        Path tmp = null;
        Path copy = null;
        try {
            Files.createDirectories(settings.spoolDir());
            tmp = Files.createTempFile(settings.spoolDir(), "variant-", "." + spec.format().extension());
            String blob = AssetService.blobKey(a.projectId(), a.sha256());
            Path source = switch (store) {
                case LocalAssetStore local -> local.file(blob);
                case S3AssetStore remote -> {
                    try (InputStream in = remote.open(blob, 0, -1); SpooledFile f = SpooledFile.copy(in, settings.spoolDir(), Long.MAX_VALUE)) {
                        copy = Files.createTempFile(settings.spoolDir(), "source-", ".img");
                        Files.copy(f.path(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    yield copy;
                }
            };
            int[] size = images.render(source, a.contentType(), spec, tmp);
            Variant v = new Variant(spec.key(), spec.format().contentType(), Files.size(tmp), size[0], size[1]);
            store.put(key(a, spec.key()), tmp, v.contentType());
            return db.write(tx -> {
                try {
                    tx.savepoint(t -> repository.insertVariant(t, a.projectId(), a.id(), v));
                } catch (SQLException e) {
                    if (SqlErrors.uniqueViolation(e).isEmpty()) throw e; // another node recorded it first: same bytes
                }
                return v;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a variant of asset " + a.id(), e);
        } finally {
            SpooledFile.deleteQuietly(tmp);
            SpooledFile.deleteQuietly(copy);
        }
    }
}
