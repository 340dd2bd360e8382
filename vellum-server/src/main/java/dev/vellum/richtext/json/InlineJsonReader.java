package dev.vellum.richtext.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.richtext.Inline;
import dev.vellum.richtext.Mark;
import dev.vellum.richtext.RichTextException;
import dev.vellum.richtext.UrlPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads inline nodes ({@code text}, {@code hardBreak}) and their marks. */
final class InlineJsonReader {

    private InlineJsonReader() {}

    /** The inline nodes of array {@code name} of {@code owner}, with paths {@code <owner>.<name>[i]}. */
    static List<Inline> read(JsonNodeFields owner, String name) throws RichTextException {
        JsonNode array = owner.array(name, false);
        List<Inline> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(inline(array.get(i), child(owner.path(), name, i)));
        }
        return out;
    }

    static String child(String path, String name, int index) {
        return (path.isEmpty() ? "" : path + ".") + name + "[" + index + "]";
    }

    private static Inline inline(JsonNode json, String path) throws RichTextException {
        JsonNodeFields node = JsonNodeFields.of(json, path, "an inline node");
        String type = node.requiredString("type");
        return switch (type) {
            case "text" -> {
                node.allowOnly("text", Set.of("type", "text", "marks"));
                yield new Inline.Text(node.requiredString("text"), marks(node));
            }
            case "hardBreak" -> {
                node.allowOnly("hardBreak", Set.of("type"));
                yield Inline.HARD_BREAK;
            }
            default -> throw node.error(DocumentJsonReader.isBlockType(type)
                    ? "block \"" + type + "\" is not allowed in inline content"
                    : "unknown inline node type \"" + type + "\" (expected text or hardBreak)");
        };
    }

    private static List<Mark> marks(JsonNodeFields text) throws RichTextException {
        JsonNode array = text.array("marks", false);
        List<Mark> marks = new ArrayList<>(array.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode json : array) {
            JsonNodeFields mark = JsonNodeFields.of(json, text.path(), "a mark");
            String type = mark.requiredString("type");
            if (!seen.add(type)) {
                throw text.error("duplicate mark \"" + type + "\"");
            }
            marks.add(mark(type, mark, text));
        }
        return marks;
    }

    private static Mark mark(String type, JsonNodeFields mark, JsonNodeFields text) throws RichTextException {
        return switch (type) {
            case "bold" -> plainMark(mark, type, Mark.BOLD);
            case "italic" -> plainMark(mark, type, Mark.ITALIC);
            case "underline" -> plainMark(mark, type, Mark.UNDERLINE);
            case "strike" -> plainMark(mark, type, Mark.STRIKE);
            case "code" -> plainMark(mark, type, Mark.CODE);
            case "link" -> {
                mark.allowOnly("link mark", Set.of("type", "attrs"));
                JsonNodeFields attrs = mark.attrs("link mark", Set.of("href", "title"), true);
                String href = attrs.requiredString("href");
                String problem = UrlPolicy.LINK.problem(href);
                if (problem != null) {
                    throw text.error("link href \"" + href + "\": " + problem);
                }
                String title = attrs.optionalString("title");
                yield new Mark.Link(href, title == null || title.isBlank() ? null : title);
            }
            default -> throw text.error("unknown mark \"" + type + "\""
                    + " (expected bold, italic, underline, strike, code or link)");
        };
    }

    private static Mark plainMark(JsonNodeFields mark, String type, Mark value) throws RichTextException {
        mark.allowOnly(type + " mark", Set.of("type"));
        return value;
    }
}
