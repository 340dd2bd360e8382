package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.schema.CollectionTables.IdValue;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a schema change to a collection's stored entries inside one transaction. It first checks
 * everything that could lose or invalidate data; if anything would, it refuses (409) and lists the
 * affected entries per field, unless the request's {@code resolve} says what to do:
 * {@code "discard"} (a removed field's values), {@code "clear"} (invalid values become null),
 * {@code {"set": value}} (invalid or missing values become {@code value}).
 */
final class SchemaMigration {
    private static final int LISTED = 20;

    private final CollectionTables tables;

    SchemaMigration(CollectionTables tables) {
        this.tables = tables;
    }

    /** A field kept across the change (possibly renamed or retyped), with its values in the new type. */
    private record Kept(Field from, Field to, List<IdValue> converted, boolean valuesChanged, JsonNode resolution) {}

    private record Added(Field field, JsonNode backfill) {}

    void apply(Tx tx, CollectionSchema old, SchemaParser.SchemaPatch patch) throws SQLException {
        Map<String, Field> oldById = new LinkedHashMap<>();
        old.fields().forEach(f -> oldById.put(f.id(), f));
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> conflicts = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        List<Kept> kept = new ArrayList<>();
        List<Added> added = new ArrayList<>();
        long rows = tables.count(tx, old);

        for (Field nf : patch.definition().fields()) {
            String fromId = patch.renamedFrom().getOrDefault(nf.id(), nf.id());
            Field of = oldById.get(fromId);
            String path = "fields." + nf.id();
            if (patch.renamedFrom().containsKey(nf.id())) {
                if (of == null) errors.add(new FieldError(path + ".renamed_from", "unknown_field", "no field '" + fromId + "' to rename"));
                if (oldById.containsKey(nf.id())) errors.add(new FieldError(path, "rename_collision", "a field '" + nf.id() + "' exists already"));
            }
            if (of == null) {
                added.add(new Added(nf, backfillFor(tx, old, nf, rows, patch.resolve(), conflicts)));
                continue;
            }
            if (!claimed.add(of.id())) {
                errors.add(new FieldError(path, "field_claimed_twice", "field '" + of.id() + "' is kept or renamed twice"));
                continue;
            }
            kept.add(keep(tx, old, of, nf, patch.resolve(), conflicts));
        }
        List<Field> removed = old.fields().stream().filter(f -> !claimed.contains(f.id())).toList();
        for (Field f : removed) {
            List<IdValue> values = tables.column(tx, old, f);
            if (!values.isEmpty() && !"discard".equals(text(patch.resolve().get(f.id())))) {
                conflicts.add(affected("fields." + f.id(), "data_loss", "removing this field would discard its values",
                        values.stream().map(IdValue::id).toList(), values.size(), "\"discard\""));
            }
        }
        if (!errors.isEmpty()) throw new VellumException.Invalid("invalid_schema_change", "The schema change is not valid", errors);
        if (!conflicts.isEmpty()) {
            throw new VellumException.Conflict("schema_change_conflict",
                    "The change would lose or invalidate existing data; nothing was changed. Say what to do with the listed entries in \"resolve\".",
                    conflicts);
        }
        for (Field f : removed) tables.dropField(tx, old, f);
        for (Kept k : kept) applyKept(tx, old, k);
        for (Added a : added) {
            tables.addField(tx, old, a.field());
            if (a.backfill() != null) fillNulls(tx, old, a.field(), a.backfill());
        }
    }

    private Kept keep(Tx tx, CollectionSchema c, Field of, Field nf, Map<String, JsonNode> resolve, List<FieldError> conflicts)
            throws SQLException {
        boolean typeChanged = !of.type().equals(nf.type());
        List<IdValue> converted = new ArrayList<>();
        boolean changed = false;
        String path = "fields." + nf.id();
        JsonNode resolution = resolve.get(nf.id());
        if (typeChanged) {
            List<String> invalid = new ArrayList<>();
            for (IdValue v : tables.column(tx, c, of)) {
                JsonNode out;
                try {
                    out = ValueConversion.convert(nf.type(), v.value());
                } catch (InvalidValue e) {
                    out = resolved(nf, resolution);
                    if (out == null) {
                        invalid.add(v.id());
                        continue;
                    }
                }
                changed |= !out.equals(v.value());
                converted.add(new IdValue(v.id(), out));
            }
            if (!invalid.isEmpty()) {
                conflicts.add(affected(path, "invalid_values", "these values do not convert to " + nf.type().name()
                        + " as declared", invalid, invalid.size(), "\"clear\" or {\"set\": value}"));
            }
        }
        if (nf.required() && !of.required()) {
            long missing = tables.countNull(tx, c, of);
            if (missing > 0 && !(resolution != null && resolution.has("set"))) {
                conflicts.add(affected(path, "missing_values", "the field becomes required but entries have no value",
                        tables.nullIn(tx, c, of, LISTED), missing, "{\"set\": value}"));
            }
        }
        if (nf.unique() && !of.unique()) {
            List<String> dupes = typeChanged ? duplicates(converted) : tables.duplicated(tx, c, of, LISTED);
            if (!dupes.isEmpty()) {
                conflicts.add(affected(path, "duplicate_values", "the field becomes unique but these entries share values",
                        dupes, dupes.size(), "no automatic resolution: make the values distinct first"));
            }
        }
        return new Kept(of, nf, converted, changed || typeChanged, resolution);
    }

    private void applyKept(Tx tx, CollectionSchema c, Kept k) throws SQLException {
        Field current = k.from();
        if (!current.id().equals(k.to().id())) {
            Field renamed = new Field(k.to().id(), k.to().name(), current.type(), current.required(), current.unique(), k.to().description(),
                    k.to().help(), k.to().defaultValue(), k.to().searchable());
            tables.renameField(tx, c, current, renamed);
            current = renamed;
        }
        boolean typeChanged = !current.type().equals(k.to().type());
        if (typeChanged && current.type().column() != k.to().type().column()) {
            String temp = tables.addTemporary(tx, c, k.to());
            tables.setColumn(tx, c, temp, k.to(), k.converted());
            tables.swapIn(tx, c, current, temp, k.to());
        } else {
            if (typeChanged && k.valuesChanged()) tables.setColumn(tx, c, k.to().column(), k.to(), k.converted());
            if (current.unique() != k.to().unique()) tables.reindex(tx, c, k.to());
        }
        if (k.to().required() && !k.from().required()) {
            JsonNode set = setValue(k.to(), k.resolution());
            if (set != null) fillNulls(tx, c, k.to(), set);
        }
    }

    private JsonNode backfillFor(Tx tx, CollectionSchema c, Field nf, long rows, Map<String, JsonNode> resolve,
                                 List<FieldError> conflicts) {
        JsonNode r = resolve.get(nf.id());
        JsonNode set = r != null && r.has("set") ? r.get("set") : null;
        if (set == null) {
            if (nf.required() && rows > 0) {
                conflicts.add(new FieldError("fields." + nf.id(), "missing_values", "a new required field needs a value for the "
                        + rows + " existing entries: resolve with {\"set\": value}"));
            }
            return null;
        }
        try {
            JsonNode value = nf.type().normalize(set);
            if (nf.unique() && rows > 1) {
                conflicts.add(new FieldError("fields." + nf.id(), "duplicate_values", "one value for every entry cannot be unique"));
            }
            return value;
        } catch (InvalidValue e) {
            conflicts.add(new FieldError("resolve." + nf.id(), e.code(), "the value to set " + e.getMessage()));
            return null;
        }
    }

    private void fillNulls(Tx tx, CollectionSchema c, Field f, JsonNode value) throws SQLException {
        List<IdValue> fill = new ArrayList<>();
        for (String id : tables.nullIn(tx, c, f, Integer.MAX_VALUE)) fill.add(new IdValue(id, value));
        tables.setColumn(tx, c, f.column(), f, fill);
    }

    /** What an invalid value becomes under the request's resolution, or null when unresolved. */
    private static JsonNode resolved(Field f, JsonNode resolution) {
        if (resolution == null) return null;
        if ("clear".equals(text(resolution)) && !f.required()) return NullNode.instance;
        return setValue(f, resolution);
    }

    private static JsonNode setValue(Field f, JsonNode resolution) {
        if (resolution == null || !resolution.has("set")) return null;
        try {
            return f.type().normalize(resolution.get("set"));
        } catch (InvalidValue e) {
            return null;
        }
    }

    private static List<String> duplicates(List<IdValue> values) {
        Map<JsonNode, List<String>> byValue = new HashMap<>();
        for (IdValue v : values) if (!v.value().isNull()) byValue.computeIfAbsent(v.value(), k -> new ArrayList<>()).add(v.id());
        return byValue.values().stream().filter(l -> l.size() > 1).flatMap(List::stream).sorted().limit(LISTED).toList();
    }

    private static FieldError affected(String field, String code, String what, List<String> ids, long count, String fix) {
        List<String> shown = ids.stream().limit(LISTED).toList();
        return new FieldError(field, code, what + ": " + count + " entr" + (count == 1 ? "y" : "ies") + " ("
                + String.join(", ", shown) + (count > shown.size() ? ", …" : "") + "); resolve with " + fix);
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.textValue() : null;
    }
}
