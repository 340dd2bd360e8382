package dev.vellum.importers.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.importers.Fingerprint;
import dev.vellum.importers.ImportCancelled;
import dev.vellum.importers.ImportContext;
import dev.vellum.importers.ImportWriter;
import dev.vellum.importers.ImportWriter.Candidate;
import dev.vellum.importers.ImportWriter.Pending;
import dev.vellum.importers.ImportWriter.Write;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rows (CSV records, JSON objects) into one collection: each column goes to the field the mapping
 * names (or the field of the same id), read as that field's type; {@code slug}, {@code draft} and
 * {@code publish_at} are entry attributes. The {@code key} column (else {@code id}, else the row
 * number) identifies a row across runs. A row that cannot be read fails alone, with its line.
 */
public final class RecordImport {
    private static final int CHUNK = dev.vellum.content.EntryService.BULK_ITEMS; // one transaction per chunk
    private static final Set<String> SYSTEM = Set.of("slug", "draft", "publish_at");

    /** {@code options}: {@code collection} (required), {@code mapping} (column → field), {@code key} (column). */
    public record Options(String collection, Map<String, String> mapping, String key) {
        public static Options of(JsonNode o) {
            if (o == null || !o.path("collection").isTextual()) {
                throw new VellumException.Invalid("invalid_import", "The import request is not valid",
                        List.of(new FieldError("options.collection", "required", "name the collection the rows go to")));
            }
            Map<String, String> mapping = new LinkedHashMap<>();
            o.path("mapping").fields().forEachRemaining(e -> mapping.put(e.getKey(), e.getValue().asText()));
            return new Options(o.get("collection").textValue(), mapping, o.path("key").isTextual() ? o.get("key").textValue() : null);
        }
    }

    /** One row: its position (line or index, for reports) and its values by column. */
    public record Row(long line, ObjectNode columns) {}

    private final Options options;
    private final CollectionSchema schema;
    private final ImportWriter writer;
    private final Set<String> ignored = new TreeSet<>();

    public RecordImport(Options options, CollectionSchema schema, ImportWriter writer) {
        this.options = options;
        this.schema = schema;
        this.writer = writer;
    }

    public ObjectNode run(ImportContext ctx, Iterator<Row> rows) {
        List<Row> chunk = new ArrayList<>(CHUNK);
        long done = 0;
        while (rows.hasNext()) {
            chunk.add(rows.next());
            if (chunk.size() >= CHUNK) {
                write(chunk);
                done += chunk.size();
                chunk.clear();
                ctx.progress("rows", done, -1);
                if (ctx.cancelled()) throw new ImportCancelled();
            }
        }
        write(chunk);
        done += chunk.size();
        ctx.progress("rows", done, done);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("collection", schema.id());
        result.put("rows", done);
        if (!ignored.isEmpty()) {
            ArrayNode list = result.putArray("ignored_columns");
            ignored.forEach(list::add);
        }
        return result;
    }

    private void write(List<Row> rows) {
        if (rows.isEmpty()) return;
        List<Candidate<ObjectNode>> candidates = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Row row : rows) {
            String sourceId = "row:" + sourceKey(row);
            try {
                ObjectNode entry = entry(row);
                candidates.add(new Candidate<>(sourceId, null, Fingerprint.of(entry.toString()), entry));
            } catch (RowError e) {
                failed.put(sourceId, "line " + row.line() + ": " + e.getMessage());
            }
        }
        writer.note(schema.id(), List.of(), Map.of(), failed);
        List<Write> writes = new ArrayList<>();
        for (Pending<ObjectNode> p : writer.classify(schema.id(), candidates, new HashMap<>())) {
            Candidate<ObjectNode> c = p.candidate();
            writes.add(new Write(c.sourceId(), null, c.fingerprint(), p.existingId(), c.item()));
        }
        writer.write(schema.id(), writes);
    }

    private String sourceKey(Row row) {
        String key = options.key() != null ? options.key() : row.columns().has("id") ? "id" : null;
        JsonNode v = key == null ? null : row.columns().get(key);
        return v == null || v.isNull() || v.asText().isEmpty() ? String.valueOf(row.line()) : v.asText();
    }

    /** The entry for a row; an entry-shaped JSON object ({@code "fields": {…}}) is taken as it is, its values coerced. */
    private ObjectNode entry(Row row) throws RowError {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = entry.putObject("fields");
        ObjectNode columns = row.columns();
        if (columns.path("fields").isObject()) {
            for (String k : SYSTEM) if (columns.has(k)) entry.set(k, columns.get(k));
            columns = (ObjectNode) columns.get("fields");
        }
        List<String> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
            var e = it.next();
            String target = options.mapping().getOrDefault(e.getKey(), e.getKey());
            if (SYSTEM.contains(target)) {
                system(entry, target, e.getValue(), errors);
                continue;
            }
            Field f = schema.field(target).orElse(null);
            if (f == null) {
                if (!e.getKey().equals(options.key()) && !e.getKey().equals("id")) ignored.add(e.getKey());
                continue;
            }
            try {
                fields.set(f.id(), Coercion.coerce(f.type(), e.getValue()));
            } catch (Coercion.Unreadable u) {
                errors.add("fields." + f.id() + ": " + u.getMessage());
            }
        }
        if (!errors.isEmpty()) throw new RowError(String.join("; ", errors));
        return entry;
    }

    private static void system(ObjectNode entry, String target, JsonNode v, List<String> errors) {
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) return;
        if (target.equals("draft") && v.isTextual()) {
            try {
                entry.set("draft", Coercion.coerce(new dev.vellum.schema.BooleanType(), v));
            } catch (Coercion.Unreadable u) {
                errors.add("draft: " + u.getMessage());
            }
        } else {
            entry.set(target, v);
        }
    }

    private static final class RowError extends Exception {
        RowError(String message) {
            super(message, null, false, false);
        }
    }
}
