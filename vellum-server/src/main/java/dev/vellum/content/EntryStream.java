package dev.vellum.content;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.RichTextType;
import dev.vellum.storage.JsonColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * Writes entries straight from a result set of {@link EntryRepository#select} to a JSON generator, in
 * the shape of {@link EntryJson}: no entry records, no JSON trees (JSON columns are copied token by
 * token; only rich text converted to HTML or Markdown goes through its document).
 */
final class EntryStream {
    static final ObjectMapper JSON = new ObjectMapper();

    private EntryStream() {}

    /**
     * Writes the current row as one entry object.
     *
     * @param selected the fields the SELECT holds (null: all), in schema order from column 8
     * @param shown the fields to write (null: all); a subset of {@code selected}
     */
    static void writeRow(ResultSet rs, CollectionSchema c, Set<String> selected, Set<String> shown, RichTextFormat format,
                         AssetSources sources, boolean utf8, JsonGenerator g) throws SQLException {
        try {
            g.writeStartObject();
            g.writeFieldName("id");
            writeText(rs, 1, utf8, g);
            g.writeFieldName("slug");
            writeText(rs, 2, utf8, g);
            g.writeBooleanField("draft", rs.getBoolean(3));
            g.writeNumberField("version", rs.getLong(4));
            g.writeFieldName("created_at");
            writeText(rs, 5, utf8, g);
            g.writeFieldName("updated_at");
            writeText(rs, 6, utf8, g);
            if (utf8) {
                byte[] publishAt = rs.getBytes(7);
                if (publishAt != null) {
                    g.writeFieldName("publish_at");
                    g.writeUTF8String(publishAt, 0, publishAt.length);
                }
            } else {
                String publishAt = rs.getString(7);
                if (publishAt != null) g.writeStringField("publish_at", publishAt);
            }
            g.writeObjectFieldStart("fields");
            int column = 8;
            for (Field f : c.fields()) {
                if (selected != null && !selected.contains(f.id())) continue;
                int index = column++;
                if (shown != null && !shown.contains(f.id())) continue;
                g.writeFieldName(f.id());
                writeValue(rs, index, f, format, sources, utf8, g);
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text column as a JSON string. With {@code utf8} (SQLite, whose driver hands back a TEXT value's own UTF-8 bytes)
     * the bytes go to the generator as they are, escaped where JSON needs it: no String decoded and encoded again.
     */
    private static void writeText(ResultSet rs, int column, boolean utf8, JsonGenerator g) throws SQLException, IOException {
        if (utf8) {
            byte[] b = rs.getBytes(column);
            if (b == null) g.writeNull();
            else g.writeUTF8String(b, 0, b.length);
        } else {
            String s = rs.getString(column);
            if (s == null) g.writeNull();
            else g.writeString(s);
        }
    }

    private static void writeValue(ResultSet rs, int column, Field f, RichTextFormat format, AssetSources sources, boolean utf8,
                                   JsonGenerator g) throws SQLException, IOException {
        switch (f.type().column()) {
            case TEXT, TIMESTAMP -> writeText(rs, column, utf8, g);
            case INTEGER -> {
                long v = rs.getLong(column);
                if (rs.wasNull()) g.writeNull();
                else g.writeNumber(v);
            }
            case REAL -> {
                double v = rs.getDouble(column);
                if (rs.wasNull()) g.writeNull();
                else g.writeTree(NumberType.Numbers.node(v)); // whole numbers print as integers, as in EntryJson
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(column);
                if (rs.wasNull()) g.writeNull();
                else g.writeBoolean(v);
            }
            case JSON -> {
                if (converts(f, format)) {
                    String s = rs.getString(column);
                    if (s == null) g.writeNull();
                    else g.writeTree(EntryJson.value(f, JsonColumns.read(s), format, sources));
                } else if (utf8) {
                    byte[] b = rs.getBytes(column);
                    if (b == null) {
                        g.writeNull();
                    } else {
                        try (JsonParser p = JSON.createParser(b)) {
                            p.nextToken();
                            g.copyCurrentStructure(p);
                        }
                    }
                } else {
                    String s = rs.getString(column);
                    if (s == null) g.writeNull();
                    else copy(s, g);
                }
            }
        }
    }

    /** Copies stored JSON text token by token (so PostgreSQL's jsonb spacing is normalised as a tree would be). */
    static void copy(String json, JsonGenerator g) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            g.copyCurrentStructure(p);
        }
    }

    private static boolean converts(Field f, RichTextFormat format) {
        if (format == null || format == RichTextFormat.JSON) return false;
        return f.type() instanceof RichTextType || f.type() instanceof ArrayType a && a.of() instanceof RichTextType;
    }

    /** The value of a sort key in the current row, as a cursor holds it ({@link EntryRepository#map} reads the same). */
    static JsonNode keyValue(ResultSet rs, int column, Field f) throws SQLException {
        return ColumnCodec.read(rs, column, f.type());
    }
}
