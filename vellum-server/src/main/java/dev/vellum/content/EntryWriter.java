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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes one entry inside a caller's transaction: validation, slug, references, then the row. */
final class EntryWriter {
    /** How many base-N slugs one lookup considers before falling back to a suffix from the id. */
    private static final int SLUG_SCAN = 1000;

    private final SchemaRegistry registry;
    private final EntryRepository entries;
    private final AssetService assets;

    EntryWriter(SchemaRegistry registry, EntryRepository entries, AssetService assets) {
        this.registry = registry;
        this.entries = entries;
        this.assets = assets;
    }

    Entry create(Tx tx, String projectId, CollectionSchema c, PreparedEntry prepared) throws SQLException {
        PreparedEntry p = prepared.against(c, true);
        EntryInput input = p.input();
        List<FieldError> errors = new ArrayList<>(p.errors());
        checkReferences(tx, projectId, c, p.values(), p.prefix(), errors);
        checkAssets(tx, projectId, c, p.values(), p.prefix(), errors);
        EntryService.throwIfInvalid(errors);
        String id = Ulid.next();
        String now = Timestamps.now();
        String slug = input.slug() != null ? input.slug() : generateSlug(tx, c, p.values(), id);
        Entry e = new Entry(id, slug, input.draft() != null && input.draft(), 1, now, now, input.publishAt(),
                EntryValidator.complete(c, p.values()));
        entries.insert(tx, c, e);
        return e;
    }

    /** @return the updated entry, or {@code current} itself when the input changes nothing */
    Entry update(Tx tx, String projectId, CollectionSchema c, Entry current, PreparedEntry prepared) throws SQLException {
        PreparedEntry p = prepared.against(c, false);
        EntryInput input = p.input();
        ObjectNode values = p.values();
        List<FieldError> errors = new ArrayList<>(p.errors());
        checkReferences(tx, projectId, c, values, p.prefix(), errors);
        checkAssets(tx, projectId, c, values, p.prefix(), errors);
        EntryService.throwIfInvalid(errors);
        ObjectNode merged = current.fields().deepCopy();
        merged.setAll(values);
        String slug = input.slug() != null ? input.slug() : current.slug();
        boolean draft = input.draft() != null ? input.draft() : current.draft();
        String publishAt = input.publishAtSet() ? input.publishAt() : current.publishAt();
        if (slug.equals(current.slug()) && draft == current.draft() && java.util.Objects.equals(publishAt, current.publishAt())
                && merged.equals(current.fields())) {
            return current;
        }
        Entry next = new Entry(current.id(), slug, draft, current.version() + 1, current.createdAt(), Timestamps.now(), publishAt, merged);
        if (!entries.update(tx, c, next, current.version())) {
            throw new VellumException.PreconditionFailed("version_mismatch", "The entry changed while it was being updated");
        }
        return next;
    }

    private String generateSlug(Tx tx, CollectionSchema c, ObjectNode values, String id) throws SQLException {
        String base = "";
        if (c.slugFrom() != null) {
            JsonNode source = values.get(c.slugFrom());
            if (source != null && source.isTextual()) base = Slugs.fromText(source.textValue());
        }
        if (base.isEmpty()) return id.toLowerCase(java.util.Locale.ROOT);
        java.util.Set<String> taken = entries.slugsLike(tx, c, base, SLUG_SCAN);
        if (!taken.contains(base)) return base;
        for (int n = 2; n <= SLUG_SCAN + 1; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) return candidate;
        }
        return base + "-" + id.substring(id.length() - 8).toLowerCase(java.util.Locale.ROOT);
    }

    /** Every {@code {"asset": id}} in an image or file field (or a list of them), or an image in rich text, must name an asset of the project. */
    private void checkAssets(Tx tx, String projectId, CollectionSchema c, ObjectNode values, String prefix,
                             List<FieldError> errors) throws SQLException {
        if (assets == null) return;
        RichTextAssets.prepare(tx, projectId, c, values, prefix, errors, assets);
        for (Field f : c.fields()) {
            JsonNode v = values.get(f.id());
            if (v == null || v.isNull() || !EntryAssetUses.holdsAssets(f.type())) continue;
            if (v.isArray()) {
                for (JsonNode item : v) if (item instanceof ObjectNode o) urlToAsset(tx, projectId, o);
            } else if (v instanceof ObjectNode o) {
                urlToAsset(tx, projectId, o);
            }
            Set<String> ids = EntryAssetUses.ids(v);
            if (ids.isEmpty()) continue;
            ids.removeAll(assets.existing(tx, projectId, ids));
            if (!ids.isEmpty()) {
                errors.add(new FieldError(prefix + "fields." + f.id(), "asset_not_found", "no asset " + String.join(", ", ids) + " in this project"));
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

    /** Every referenced id must exist in its target collection. */
    private void checkReferences(Tx tx, String projectId, CollectionSchema c, ObjectNode values, String prefix,
                                 List<FieldError> errors) throws SQLException {
        for (Field f : c.fields()) {
            String target = f.type().targetCollection();
            JsonNode v = values.get(f.id());
            if (target == null || v == null || v.isNull()) continue;
            Set<String> ids = new LinkedHashSet<>();
            if (v.isArray()) v.forEach(item -> ids.add(item.asText()));
            else ids.add(v.asText());
            if (ids.isEmpty()) continue;
            CollectionSchema targetSchema = target.equals(c.id()) ? c : registry.forWrite(tx, projectId, target);
            Set<String> found = entries.existing(tx, targetSchema, ids);
            ids.removeAll(found);
            if (!ids.isEmpty()) {
                errors.add(new FieldError(prefix + "fields." + f.id(), "reference_not_found",
                        "no entry " + String.join(", ", ids) + " in collection '" + target + "'"));
            }
        }
    }

}
