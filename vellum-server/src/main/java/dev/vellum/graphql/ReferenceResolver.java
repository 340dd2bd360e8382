package dev.vellum.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.ReferenceType;
import dev.vellum.schema.ReferencesType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a page (or one entry) with what the query selects under it, before any of its fields run: the entries its
 * selected reference fields name are read with one query per target collection ({@code id IN (…)}, up to 512 ids a
 * query; {@link EntryService#findAll}) with REST's draft rules, projected to the fields selected under them, and so
 * on for their own selected references, one level at a time. A page of 100 posts with their authors costs
 * one query for the posts and one for the authors, whatever the page size, and the fields then read plain values:
 * no data loaders, no futures per field.
 */
final class ReferenceResolver {
    /** Where a reference field points, and whether it holds a list of ids ({@code references}). */
    private record Target(String collection, boolean many) {}

    /** The entries of one target collection that one level names, and what the query selects under them. */
    private static final class Batch {
        final Set<String> ids = new LinkedHashSet<>();
        Selection selected;

        Batch(Selection selected) {
            this.selected = selected;
        }
    }

    private final EntryService entries;
    private final String projectId;
    /** Per collection, its fields' ids (what a list may project to) and its reference fields whose target has a type. */
    private final Map<String, Set<String>> fieldIds = new HashMap<>();
    private final Map<String, Map<String, Target>> targets = new HashMap<>();

    ReferenceResolver(EntryService entries, String projectId, List<CollectionSchema> collections) {
        this.entries = entries;
        this.projectId = projectId;
        Set<String> known = new java.util.HashSet<>();
        for (CollectionSchema c : collections) known.add(c.id());
        for (CollectionSchema c : collections) {
            Set<String> ids = new java.util.HashSet<>();
            Map<String, Target> refs = new HashMap<>();
            for (Field f : c.fields()) {
                ids.add(f.id());
                switch (f.type()) {
                    case ReferenceType r when known.contains(r.collection()) -> refs.put(f.id(), new Target(r.collection(), false));
                    case ReferencesType r when known.contains(r.collection()) -> refs.put(f.id(), new Target(r.collection(), true));
                    default -> { }
                }
            }
            fieldIds.put(c.id(), ids);
            targets.put(c.id(), refs);
        }
    }

    /** REST's {@code fields=} for what is selected of an entry (its system attributes always come). */
    String projection(String collectionId, Selection selected) {
        Set<String> fields = selectedFields(collectionId, selected);
        return fields.isEmpty() ? "id" : String.join(",", fields);
    }

    /** The collection's fields among {@code selected} (the system attributes are not fields: they always come). */
    private Set<String> selectedFields(String collectionId, Selection selected) {
        Set<String> known = fieldIds.getOrDefault(collectionId, Set.of());
        Set<String> fields = new LinkedHashSet<>();
        for (String name : selected.names()) if (known.contains(name)) fields.add(name);
        return fields;
    }

    /** Rendered entries of {@code collectionId} with the references {@code selected} (the fields selected on each) names. */
    List<ResolvedEntry> resolve(Viewer viewer, String collectionId, List<JsonNode> rendered, Selection selected) {
        Map<String, Target> refs = targets.getOrDefault(collectionId, Map.of());
        Map<String, Target> used = new LinkedHashMap<>();
        Map<String, Batch> batches = new LinkedHashMap<>();
        for (String name : selected.names()) {
            Target t = refs.get(name);
            if (t == null) continue;
            used.put(name, t);
            Batch b = batches.get(t.collection());
            if (b == null) batches.put(t.collection(), new Batch(selected.of(name)));
            else b.selected = b.selected.with(selected.of(name));
        }
        List<ResolvedEntry> out = new ArrayList<>(rendered.size());
        if (used.isEmpty()) {
            for (JsonNode e : rendered) out.add(new ResolvedEntry(e, Map.of()));
            return out;
        }
        for (JsonNode e : rendered) {
            JsonNode fields = e.path("fields");
            used.forEach((fieldId, t) -> {
                JsonNode v = fields.get(fieldId);
                if (v == null) return;
                if (v.isTextual()) batches.get(t.collection()).ids.add(v.textValue());
                else if (v.isArray()) for (JsonNode id : v) if (id.isTextual()) batches.get(t.collection()).ids.add(id.textValue());
            });
        }
        Map<String, Object> found = new HashMap<>(); // target collection → its entries by id, or the failure of its batch
        batches.forEach((target, batch) -> {
            try {
                found.put(target, load(viewer, target, batch));
            } catch (RuntimeException e) {
                found.put(target, e); // the reference fields report it, each at its own path
            }
        });
        for (JsonNode e : rendered) {
            JsonNode fields = e.path("fields");
            Map<String, Object> resolved = HashMap.newHashMap(used.size());
            used.forEach((fieldId, t) -> resolved.put(fieldId, pick(found.get(t.collection()), fields.get(fieldId), t.many())));
            out.add(new ResolvedEntry(e, resolved));
        }
        return out;
    }

    /** A reference's entry (null when hidden or gone), a references' list (hidden and gone ones left out), or the batch's failure. */
    @SuppressWarnings("unchecked")
    private static Object pick(Object loaded, JsonNode value, boolean many) {
        if (loaded instanceof RuntimeException failed) return failed;
        Map<String, ResolvedEntry> byId = (Map<String, ResolvedEntry>) loaded;
        if (!many) return value != null && value.isTextual() ? byId.get(value.textValue()) : null;
        if (value == null || !value.isArray()) return null;
        List<ResolvedEntry> list = new ArrayList<>(value.size());
        for (JsonNode id : value) {
            ResolvedEntry e = id.isTextual() ? byId.get(id.textValue()) : null;
            if (e != null) list.add(e);
        }
        return list;
    }

    private Map<String, ResolvedEntry> load(Viewer viewer, String collectionId, Batch batch) {
        boolean drafts = viewer.draftsOf(collectionId); // outside a preview's scope: published entries only
        List<JsonNode> rendered = new ArrayList<>(entries.findAll(projectId, collectionId, batch.ids, selectedFields(collectionId, batch.selected), drafts));
        if (entries.holdsAssets(projectId, collectionId) || entries.holdsRichText(projectId, collectionId)) {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            page.putArray("data").addAll(rendered);
            entries.expandAssets(projectId, page); // image and file fields that name an asset get its url and metadata, in one lookup
        }
        Map<String, ResolvedEntry> byId = HashMap.newHashMap(rendered.size());
        for (ResolvedEntry e : resolve(viewer, collectionId, rendered, batch.selected)) byId.put(e.json().get("id").textValue(), e);
        return byId;
    }
}
