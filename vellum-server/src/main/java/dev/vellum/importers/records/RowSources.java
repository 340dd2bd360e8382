package dev.vellum.importers.records;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.importers.ImportFailed;
import dev.vellum.importers.records.RecordImport.Row;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Rows streamed from a CSV file (first record: the column names) or JSON (an array of objects, or NDJSON). */
public final class RowSources {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowSources() {}

    public static Iterator<Row> csv(InputStream in, char separator) {
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), separator);
        List<String> header;
        try {
            header = csv.next();
        } catch (IOException e) {
            throw new ImportFailed("invalid_source", "cannot read the CSV header: " + e.getMessage(), e);
        }
        if (header == null) return java.util.Collections.emptyIterator();
        List<String> columns = header.stream().map(String::strip).toList();
        return new Iterator<>() {
            Row next = advance();

            private Row advance() {
                try {
                    while (true) {
                        long line = csv.line();
                        List<String> values = csv.next();
                        if (values == null) return null;
                        if (values.size() == 1 && values.get(0).isEmpty()) continue; // blank line
                        ObjectNode row = JsonNodeFactory.instance.objectNode();
                        for (int i = 0; i < columns.size() && i < values.size(); i++) row.put(columns.get(i), values.get(i));
                        return new Row(line, row);
                    }
                } catch (IOException e) {
                    throw new ImportFailed("invalid_source", "the CSV is malformed near line " + csv.line() + ": " + e.getMessage(), e);
                }
            }

            @Override public boolean hasNext() { return next != null; }

            @Override public Row next() {
                if (next == null) throw new NoSuchElementException();
                Row r = next;
                next = advance();
                return r;
            }
        };
    }

    /** A JSON array of objects, or one object per line (NDJSON), streamed. */
    public static Iterator<Row> json(InputStream in) {
        try {
            JsonParser p = JSON.getFactory().createParser(in);
            JsonToken first = p.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            return new Iterator<>() {
                long index;
                JsonToken at = array ? p.nextToken() : first;

                @Override public boolean hasNext() {
                    return at != null && at != JsonToken.END_ARRAY;
                }

                @Override public Row next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    try {
                        long line = p.currentLocation().getLineNr();
                        JsonNode node = JSON.readTree(p);
                        at = p.nextToken();
                        index++;
                        if (!node.isObject()) throw new ImportFailed("invalid_source", "item " + index + " (line " + line + ") is not a JSON object");
                        return new Row(array ? index : line, (ObjectNode) node);
                    } catch (IOException e) {
                        throw new ImportFailed("invalid_source", "the JSON is malformed: " + e.getMessage(), e);
                    }
                }
            };
        } catch (IOException e) {
            throw new ImportFailed("invalid_source", "the JSON is malformed: " + e.getMessage(), e);
        }
    }
}
