package dev.vellum.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.assets.AssetService;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Ulid;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.SchemaRegistry;
import dev.vellum.storage.Tx;
import dev.vellum.time.Timestamps;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes entries inside a caller's transaction: validation, slug, references, then the row. One entry
 * ({@link #create}, {@link #update}) or, for a batch, the same decisions made in memory ({@link #created},
 * {@link #changed}) after one bulk lookup of every reference and asset ({@link #checkLinks}).
 */
final class EntryWriter {
    private final SchemaRegistry registry;
    private final EntryRepository entries;
    private final AssetService assets;

    EntryWriter(SchemaRegistry registry, EntryRepository entries, AssetService assets) {
        this.registry = registry;
        this.entries = entries;
        this.assets = assets;
    }

    Entry create(Tx tx, String projectId, CollectionSchema c, PreparedEntry prepared) throws SQLException {
        return create(tx, projectId, c, prepared, null);
    }

    /** @param encoded its values encoded before the transaction (see {@link EncodedEntry#ahead}), or null: encoded here */
    Entry create(Tx tx, String projectId, CollectionSchema c, PreparedEntry prepared, EncodedEntry encoded) throws SQLException {
        PreparedEntry p = prepared.against(c, true);
        EntryService.throwIfInvalid(checkLinks(tx, projectId, c, List.of(p)).getFirst());
        String id = Ulid.next();
        String slug = p.input().slug() != null ? p.input().slug() : slug(tx, new SlugSpace(entries, c), c, p, id);
        boolean ahead = encoded != null && encoded.fits(c);
        Entry e = ahead ? created(p, id, slug, Timestamps.now(), encoded.fields()) : created(c, p, id, slug, Timestamps.now());
        entries.insert(tx, c, e, ahead ? encoded.row() : null);
        return e;
    }

    /** @return the updated entry, or {@code current} itself when the input changes nothing */
    Entry update(Tx tx, String projectId, CollectionSchema c, Entry current, PreparedEntry prepared) throws SQLException {
        PreparedEntry p = prepared.against(c, false);
        EntryService.throwIfInvalid(checkLinks(tx, projectId, c, List.of(p)).getFirst());
        Entry next = changed(current, p);
        if (next == current) return current;
        if (!entries.update(tx, c, next, current.version())) {
            throw new VellumException.PreconditionFailed("version_mismatch", "The entry changed while it was being updated");
        }
        return next;
    }

    /** The new entry {@code p} describes, at version 1. */
    static Entry created(CollectionSchema c, PreparedEntry p, String id, String slug, String now) {
        return created(p, id, slug, now, EntryValidator.complete(c, p.values()));
    }

    /** The same, with its fields {@link EntryValidator#complete completed} already. */
    static Entry created(PreparedEntry p, String id, String slug, String now, ObjectNode fields) {
        EntryInput input = p.input();
        return new Entry(id, slug, input.draft() != null && input.draft(), 1, now, now, input.publishAt(), fields);
    }

    /** {@code current} with {@code p} applied (only what {@code p} carries changes), or {@code current} itself when nothing would. */
    static Entry changed(Entry current, PreparedEntry p) {
        EntryInput input = p.input();
        ObjectNode merged = current.fields().deepCopy();
        merged.setAll(p.values());
        String slug = input.slug() != null ? input.slug() : current.slug();
        boolean draft = input.draft() != null ? input.draft() : current.draft();
        String publishAt = input.publishAtSet() ? input.publishAt() : current.publishAt();
        if (slug.equals(current.slug()) && draft == current.draft() && Objects.equals(publishAt, current.publishAt())
                && merged.equals(current.fields())) {
            return current;
        }
        return new Entry(current.id(), slug, draft, current.version() + 1, current.createdAt(), Timestamps.now(), publishAt, merged);
    }

    /** The slug a new entry without one gets: from its {@code slug_from} field, made free in {@code space}. */
    static String slug(Tx tx, SlugSpace space, CollectionSchema c, PreparedEntry p, String id) throws SQLException {
        return space.generate(tx, slugBase(c, p), id);
    }

    /** The text a generated slug starts from ("" when the entry has none: its slug is then its id). */
    static String slugBase(CollectionSchema c, PreparedEntry p) {
        if (c.slugFrom() == null) return "";
        JsonNode source = p.values().get(c.slugFrom());
        return source != null && source.isTextual() ? Slugs.fromText(source.textValue()) : "";
    }

    /**
     * The problems of each item so far, followed by its links that lead nowhere: every referenced id must
     * exist in its target collection, every {@code {"asset": id}} in an image or file field must name an asset
     * of the project. One lookup per reference field (and per asset field) for all items together.
     */
    List<List<FieldError>> checkLinks(Tx tx, String projectId, CollectionSchema c, List<PreparedEntry> items) throws SQLException {
        List<List<FieldError>> errors = new ArrayList<>(items.size());
        for (PreparedEntry p : items) errors.add(new ArrayList<>(p.errors()));
        for (boolean assetPass : new boolean[] {false, true}) {
            if (assetPass && assets != null && rewritesValues(c)) {
                for (int i = 0; i < items.size(); i++) linkAssetUrls(tx, projectId, c, items.get(i), errors.get(i));
            }
            for (Field f : c.fields()) {
                String target = f.type().targetCollection();
                if (assetPass ? assets == null || !EntryAssetUses.holdsAssets(f.type()) : target == null) continue;
                List<Set<String>> named = new ArrayList<>(items.size());
                Set<String> all = new HashSet<>();
                for (PreparedEntry p : items) {
                    JsonNode v = p.values().get(f.id());
                    Set<String> ids = v == null || v.isNull() ? Set.of() : assetPass ? EntryAssetUses.ids(v) : referenced(v);
                    named.add(ids);
                    all.addAll(ids);
                }
                if (all.isEmpty()) continue;
                Set<String> found = assetPass ? assets.existing(tx, projectId, all)
                        : entries.existing(tx, target.equals(c.id()) ? c : registry.forWrite(tx, projectId, target), all);
                for (int i = 0; i < items.size(); i++) {
                    Set<String> missing = new LinkedHashSet<>(named.get(i));
                    missing.removeAll(found);
                    if (missing.isEmpty()) continue;
                    String path = items.get(i).prefix() + "fields." + f.id();
                    errors.get(i).add(assetPass
                            ? new FieldError(path, "asset_not_found", "no asset " + String.join(", ", missing) + " in this project")
                            : new FieldError(path, "reference_not_found",
                                    "no entry " + String.join(", ", missing) + " in collection '" + target + "'"));
                }
            }
        }
        return errors;
    }

    /**
     * Before its asset ids are checked, an item's values name assets by id: rich-text images and image or file
     * values given as the URL of one of the project's assets become references to it (a lookup per such URL).
     */
    private void linkAssetUrls(Tx tx, String projectId, CollectionSchema c, PreparedEntry p, List<FieldError> errors) throws SQLException {
        RichTextAssets.prepare(tx, projectId, c, p.values(), p.prefix(), errors, assets);
        for (Field f : c.fields()) {
            JsonNode v = p.values().get(f.id());
            if (v == null || v.isNull() || !EntryAssetUses.holdsAssets(f.type())) continue;
            if (v.isArray()) {
                for (JsonNode item : v) if (item instanceof ObjectNode o) urlToAsset(tx, projectId, o);
            } else if (v instanceof ObjectNode o) {
                urlToAsset(tx, projectId, o);
            }
        }
    }

    /**
     * An image or file value given as the URL of one of the project's assets (what an importer or an editor that
     * read it sends back) is stored as the asset: {@code {"asset": id}} with the entry's own alt or name.
     */
    private void urlToAsset(Tx tx, String projectId, ObjectNode value) throws SQLException {
        if (!value.path("url").isTextual() || value.has("asset")) return;
        RichTextAssets.AssetLink link = RichTextAssets.link(tx, projectId, value.get("url").textValue(), assets);
        if (link == null || link.variant() != null) return; // a resized copy stays a URL: a field reference has no variant
        ObjectNode kept = value.objectNode().put("asset", link.id());
        if (value.path("alt").isTextual()) kept.set("alt", value.get("alt"));
        if (value.path("name").isTextual()) kept.set("name", value.get("name"));
        value.removeAll();
        value.setAll(kept);
    }

    /** Whether writing may rewrite an entry's values in the transaction (asset URLs become asset ids), so they cannot be encoded before it. */
    static boolean rewritesValues(CollectionSchema c) {
        for (Field f : c.fields()) if (EntryAssetUses.holdsAssets(f.type()) || RichTextAssets.holdsRichText(f.type())) return true;
        return false;
    }

    private static Set<String> referenced(JsonNode v) {
        Set<String> ids = new LinkedHashSet<>();
        if (v.isArray()) v.forEach(item -> ids.add(item.asText()));
        else ids.add(v.asText());
        return ids;
    }
}
