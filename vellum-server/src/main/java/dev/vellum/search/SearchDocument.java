package dev.vellum.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.richtext.RichText;
import dev.vellum.richtext.RichTextException;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.EnumType;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.MultiEnumType;
import dev.vellum.schema.RichTextType;
import dev.vellum.schema.TextType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of one entry as the index holds them, in two weights: {@code title} (the slug and the text
 * fields, which rank higher) and {@code body} (rich text as its plain text, enums, lists of text). Fields with
 * {@code "searchable": false} and non-textual types are left out. At most {@link #MAX_WORDS} words are kept
 * (PostgreSQL positions stop at 16,383), the same on both databases.
 */
public record SearchDocument(List<String> title, List<String> body) {
    public static final int MAX_WORDS = 16_000;
    /**
     * Between the words of two values: no query can match it (queries are letters and digits), so a phrase never
     * spans two fields. SQLite indexes it as a word; PostgreSQL skips its position.
     */
    static final String GAP = "\u00b7";
    /** PostgreSQL keeps at most 256 positions of one word. */
    static final int MAX_POSITIONS_PER_WORD = 256;

    public static SearchDocument of(CollectionSchema c, String slug, JsonNode fields) {
        return words(c, fields).withSlug(slug);
    }

    /**
     * The analysed words of an entry's fields, before its slug is known: a batch analyses its items outside the
     * write transaction, and only the slug's words are added inside ({@link FieldWords#withSlug}).
     */
    public static FieldWords words(CollectionSchema c, JsonNode fields) {
        List<List<String>> titleParts = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (Field f : c.fields()) {
            if (!searchable(f)) continue;
            JsonNode v = fields == null ? null : fields.get(f.id());
            if (v == null || v.isNull()) continue;
            if (f.type() instanceof TextType) {
                titleParts.add(SearchText.words(v.asText()));
            } else {
                if (!body.isEmpty()) body.add(GAP);
                body.addAll(SearchText.words(text(f.type(), v)));
            }
        }
        return new FieldWords(titleParts, body);
    }

    /** The words of an entry's fields: each text field's (title weight, joined once the slug is known) and the others' (body weight). */
    public record FieldWords(List<List<String>> titleParts, List<String> body) {
        /** The document of the entry with this slug: the slug's words lead the title, a {@link #GAP} after each non-empty start. */
        public SearchDocument withSlug(String slug) {
            List<String> title = new ArrayList<>(SearchText.words(slug));
            for (List<String> part : titleParts) {
                if (!title.isEmpty()) title.add(GAP);
                title.addAll(part);
            }
            List<String> b = body;
            if (title.size() > MAX_WORDS) title = title.subList(0, MAX_WORDS);
            int room = Math.max(0, MAX_WORDS - title.size());
            if (b.size() > room) b = b.subList(0, room);
            return new SearchDocument(title, b);
        }
    }

    /** Whether a field's values are indexed: textual types, unless the schema says {@code "searchable": false}. */
    public static boolean searchable(Field f) {
        return f.searchable() && textual(f.type());
    }

    private static boolean textual(FieldType t) {
        return switch (t) {
            case TextType x -> true;
            case RichTextType x -> true;
            case EnumType x -> true;
            case MultiEnumType x -> true;
            case ArrayType a -> textual(a.of());
            default -> false;
        };
    }

    /** What decides the index of a collection: which fields are indexed, and how. A change rebuilds it. */
    public static String signature(CollectionSchema c) {
        StringBuilder s = new StringBuilder("v").append(SearchText.VERSION);
        for (Field f : c.fields()) {
            if (searchable(f)) s.append(';').append(f.id()).append(':').append(f.type().name())
                    .append(f.type() instanceof ArrayType a ? "/" + a.of().name() : "");
        }
        return s.toString();
    }

    private static String text(FieldType t, JsonNode v) {
        return switch (t) {
            case RichTextType r -> plainText(v);
            case ArrayType a -> {
                StringBuilder out = new StringBuilder();
                for (JsonNode item : v) out.append(text(a.of(), item)).append('\n');
                yield out.toString();
            }
            case MultiEnumType m -> {
                StringBuilder out = new StringBuilder();
                for (JsonNode item : v) out.append(item.asText()).append('\n');
                yield out.toString();
            }
            default -> v.isTextual() ? v.textValue() : "";
        };
    }

    /** A stored document's plain text; should one not read, every "text" string in it. */
    private static String plainText(JsonNode doc) {
        try {
            return RichText.plainText(RichText.fromJson(doc));
        } catch (RichTextException | RuntimeException e) {
            StringBuilder out = new StringBuilder();
            doc.findValues("text").forEach(t -> out.append(t.asText()).append('\n'));
            return out.toString();
        }
    }

    /** The words of a weight as FTS5 column text: the words, separated by spaces (FTS5's ascii tokenizer splits there only). */
    public static String joined(List<String> words) {
        return String.join(" ", words);
    }

    /**
     * The document as a PostgreSQL {@code tsvector} literal: each word with its positions and weight
     * ({@code A} title, {@code B} body); the body starts one position after the title ends, so no phrase spans both.
     */
    public String tsvector() {
        Map<String, StringBuilder> positions = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int pos = 1;
        for (String w : title) add(positions, counts, w, pos++, 'A');
        pos++;
        for (String w : body) add(positions, counts, w, pos++, 'B');
        positions.remove(GAP);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, StringBuilder> e : positions.entrySet()) {
            if (!out.isEmpty()) out.append(' ');
            out.append('\'').append(e.getKey()).append("':").append(e.getValue());
        }
        return out.toString();
    }

    private static void add(Map<String, StringBuilder> positions, Map<String, Integer> counts, String word, int pos, char weight) {
        int n = counts.merge(word, 1, Integer::sum);
        if (n > MAX_POSITIONS_PER_WORD) return;
        StringBuilder p = positions.computeIfAbsent(word, k -> new StringBuilder());
        if (!p.isEmpty()) p.append(',');
        p.append(Math.min(pos, 16_383)).append(weight);
    }
}
