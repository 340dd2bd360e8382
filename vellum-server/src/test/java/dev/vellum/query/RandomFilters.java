package dev.vellum.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.content.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random, well-typed filters, sorts and projections over {@link DifferentialData}'s posts, written as
 * text. Literals are mostly drawn from the data (so conditions match something) and partly made up.
 */
final class RandomFilters {
    private enum Kind { TEXT, INTEGER, REAL, BOOLEAN, DATE, TEXT_LIST, INTEGER_LIST, DOCUMENT }

    private record Attr(String path, Kind kind) {}

    private static final List<Attr> ATTRS = List.of(
            new Attr("title", Kind.TEXT), new Attr("status", Kind.TEXT), new Attr("color", Kind.TEXT),
            new Attr("category", Kind.TEXT), new Attr("slug", Kind.TEXT), new Attr("id", Kind.TEXT),
            new Attr("category.name", Kind.TEXT), new Attr("category.slug", Kind.TEXT), new Attr("category.id", Kind.TEXT),
            new Attr("views", Kind.INTEGER), new Attr("version", Kind.INTEGER), new Attr("category.rank", Kind.INTEGER),
            new Attr("category.version", Kind.INTEGER), new Attr("score", Kind.REAL),
            new Attr("featured", Kind.BOOLEAN), new Attr("draft", Kind.BOOLEAN), new Attr("category.draft", Kind.BOOLEAN),
            new Attr("published", Kind.DATE), new Attr("created_at", Kind.DATE), new Attr("updated_at", Kind.DATE),
            new Attr("publish_at", Kind.DATE), new Attr("category.updated_at", Kind.DATE),
            new Attr("tags", Kind.TEXT_LIST), new Attr("related", Kind.TEXT_LIST), new Attr("ranks", Kind.INTEGER_LIST),
            new Attr("cover", Kind.DOCUMENT));
    private static final List<String> SORTABLE = List.of("title", "views", "score", "featured", "published", "status", "color",
            "category", "slug", "draft", "version", "created_at", "updated_at", "publish_at", "id");
    private static final List<String> FIELDS = List.of("title", "views", "score", "status", "tags", "category");

    private final DifferentialData data;
    private final Random random;
    private final List<Entry> posts;
    private final List<Entry> categories;

    RandomFilters(DifferentialData data) {
        this.data = data;
        this.random = data.random;
        this.posts = List.copyOf(data.posts.values());
        this.categories = List.copyOf(data.categories.values());
    }

    String filter() {
        return random.nextInt(20) == 0 ? "" : node(0);
    }

    String sort() {
        Set<String> keys = new LinkedHashSet<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) keys.add((random.nextBoolean() ? "-" : "") + data.pick(SORTABLE));
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String k : keys) if (seen.add(k.replace("-", ""))) out.add(k);
        return String.join(",", out);
    }

    String fields() {
        if (random.nextInt(3) > 0) return null;
        Set<String> f = new LinkedHashSet<>();
        for (int i = 0; i <= random.nextInt(3); i++) f.add(data.pick(FIELDS));
        return String.join(",", f);
    }

    private String node(int depth) {
        int k = depth >= 3 ? 0 : random.nextInt(7);
        return switch (k) {
            case 4 -> group(node(depth + 1)) + " and " + group(node(depth + 1));
            case 5 -> group(node(depth + 1)) + (random.nextBoolean() ? " or " : " OR ") + group(node(depth + 1));
            case 6 -> "not " + group(node(depth + 1));
            default -> leaf();
        };
    }

    private static String group(String filter) {
        return filter.contains(" ") && !filter.startsWith("(") ? "(" + filter + ")" : filter;
    }

    private String leaf() {
        Attr a = data.pick(ATTRS);
        if (a.kind == Kind.DOCUMENT || random.nextInt(10) == 0) return a.path + (random.nextBoolean() ? " is null" : " is not null");
        return switch (a.kind) {
            case TEXT_LIST, INTEGER_LIST -> random.nextBoolean() ? a.path + " ~ " + element(a)
                    : a.path + " in [" + element(a) + (random.nextBoolean() ? ", " + element(a) : "") + "]";
            case BOOLEAN -> a.path + data.pick(List.of(" = ", " != ")) + random.nextBoolean();
            case TEXT -> switch (random.nextInt(5)) {
                case 0 -> a.path + " ~ " + quote(needle(a));
                case 1 -> a.path + " in [" + text(a) + ", " + text(a) + "]";
                default -> a.path + data.pick(List.of(" = ", " != ", " < ", " <= ", " > ", " >= ")) + text(a);
            };
            default -> random.nextInt(6) == 0 ? a.path + " in [" + scalar(a) + ", " + scalar(a) + "]"
                    : a.path + data.pick(List.of(" = ", " != ", " < ", " <= ", " > ", " >= ")) + scalar(a);
        };
    }

    /** A text literal: for enums and colours a valid one (= and in check them), else mostly from the data. */
    private String text(Attr a) {
        if (a.path.equals("status")) return quote(data.pick(DifferentialData.STATUS));
        if (a.path.equals("color")) return quote(data.pick(List.of("#ff0000", "#00FF00", "#0000ff80", "#123456")));
        Object v = sample(a.path);
        return quote(v instanceof String s && random.nextInt(4) > 0 ? s : data.text());
    }

    /** A substring of a real value with ASCII case flipped at random, or a piece of text. */
    private String needle(Attr a) {
        if (!(sample(a.path) instanceof String s) || s.isEmpty() || random.nextInt(4) == 0) return data.pick(DifferentialData.PIECES);
        int from = random.nextInt(s.length());
        int to = from + random.nextInt(s.length() - from + 1);
        StringBuilder out = new StringBuilder();
        for (char c : s.substring(from, to).toCharArray()) {
            out.append(c < 128 && random.nextBoolean() ? (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
        }
        return out.toString();
    }

    private String scalar(Attr a) {
        Object v = random.nextInt(3) > 0 ? sample(a.path) : null;
        return switch (a.kind) {
            case INTEGER -> v instanceof Long l ? l.toString()
                    : data.pick(List.of("0", "-3", "2.5", "150", "9007199254740990", "9007199254740993", "1e30", "-0"));
            case REAL -> v instanceof Number n ? n.toString() : data.pick(List.of("0", "-0.0", "3", "2.5", "-17.25", "1e3", "100.125"));
            case DATE -> quote(v instanceof String s ? s : data.pick(List.of(data.date(), "2024-05-01", "2024-05-01T10:00:00+02:00",
                    "2030-01-01T00:00:00.000Z")));
            default -> throw new IllegalStateException(a.toString());
        };
    }

    private String element(Attr a) {
        return switch (a.path) {
            case "tags" -> quote(data.pick(DifferentialData.TAGS));
            case "related" -> quote(random.nextInt(5) == 0 ? "nope" : data.pick(categories).id());
            default -> Integer.toString(random.nextInt(7) - 2);
        };
    }

    /** A real value of an attribute (a category's for {@code category.x}), as String, Long, Double or Boolean. */
    private Object sample(String path) {
        boolean viaCategory = path.startsWith("category.");
        String name = viaCategory ? path.substring("category.".length()) : path;
        Entry e = viaCategory ? categories.get(random.nextInt(categories.size())) : posts.get(random.nextInt(posts.size()));
        return switch (name) {
            case "id" -> e.id();
            case "slug" -> e.slug();
            case "version" -> e.version();
            case "created_at" -> e.createdAt();
            case "updated_at" -> e.updatedAt();
            case "publish_at" -> e.publishAt();
            default -> {
                JsonNode v = e.fields().get(name);
                yield v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.isIntegralNumber() ? (Object) v.longValue()
                        : v.isNumber() ? (Object) v.doubleValue() : null;
            }
        };
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
