package dev.vellum.richtext.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.richtext.Block;
import dev.vellum.richtext.Document;
import dev.vellum.richtext.DocumentNormalizer;
import dev.vellum.richtext.Inline;
import dev.vellum.richtext.Limits;
import dev.vellum.richtext.ListItem;
import dev.vellum.richtext.RichTextException;
import dev.vellum.richtext.TableCell;
import dev.vellum.richtext.TableRow;
import dev.vellum.richtext.UrlPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the versioned JSON form strictly: unknown node types, marks, properties and attributes, wrong
 * value types, bad ranges, unsafe URLs and nesting deeper than {@link Limits#MAX_DEPTH} are refused
 * with the path of the offending node. What is merely not canonical (whitespace, split text runs,
 * empty nodes) is accepted and normalised.
 */
public final class DocumentJsonReader {

    private static final Set<String> BLOCK_TYPES = Set.of("paragraph", "heading", "bulletList", "orderedList",
            "blockquote", "codeBlock", "horizontalRule", "image", "table", "embed");

    private DocumentJsonReader() {}

    public static Document read(JsonNode json) throws RichTextException {
        JsonNodeFields doc = JsonNodeFields.of(json, "", "a document");
        doc.allowOnly("doc", Set.of("type", "version", "content"));
        String type = doc.requiredString("type");
        if (!type.equals("doc")) {
            throw doc.error("expected \"type\": \"doc\", got \"" + type + "\"");
        }
        if (!doc.has("version")) {
            throw doc.error("missing \"version\" (this server reads version " + Document.VERSION + ")");
        }
        JsonNode version = json.get("version");
        if (!version.isIntegralNumber() || version.asLong() != Document.VERSION) {
            throw doc.error("unsupported version " + version + " (this server reads version " + Document.VERSION + ")");
        }
        return DocumentNormalizer.normalize(new Document(blocks(doc, 0)));
    }

    static boolean isBlockType(String type) {
        return BLOCK_TYPES.contains(type);
    }

    private static List<Block> blocks(JsonNodeFields owner, int depth) throws RichTextException {
        JsonNode array = owner.array("content", false);
        List<Block> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(block(array.get(i), InlineJsonReader.child(owner.path(), "content", i), depth));
        }
        return out;
    }

    private static Block block(JsonNode json, String path, int depth) throws RichTextException {
        JsonNodeFields node = JsonNodeFields.of(json, path, "a block node");
        String type = node.requiredString("type");
        return switch (type) {
            case "paragraph" -> {
                node.allowOnly(type, Set.of("type", "content"));
                yield new Block.Paragraph(InlineJsonReader.read(node, "content"));
            }
            case "heading" -> {
                node.allowOnly(type, Set.of("type", "attrs", "content"));
                int level = node.attrs(type, Set.of("level"), true).integer("level", 1, 6, null);
                yield new Block.Heading(level, InlineJsonReader.read(node, "content"));
            }
            case "bulletList" -> {
                node.allowOnly(type, Set.of("type", "content"));
                yield new Block.BulletList(items(node, deeper(node, depth)));
            }
            case "orderedList" -> {
                node.allowOnly(type, Set.of("type", "attrs", "content"));
                int start = node.attrs(type, Set.of("start"), false).integer("start", 0, Block.OrderedList.MAX_START, 1);
                yield new Block.OrderedList(start, items(node, deeper(node, depth)));
            }
            case "blockquote" -> {
                node.allowOnly(type, Set.of("type", "content"));
                yield new Block.Blockquote(blocks(node, deeper(node, depth)));
            }
            case "codeBlock" -> codeBlock(node);
            case "horizontalRule" -> {
                node.allowOnly(type, Set.of("type"));
                yield Block.HORIZONTAL_RULE;
            }
            case "image" -> image(node);
            case "table" -> {
                node.allowOnly(type, Set.of("type", "content"));
                yield new Block.Table(rows(node));
            }
            case "embed" -> {
                node.allowOnly(type, Set.of("type", "attrs"));
                yield new Block.Embed(url(node, node.attrs(type, Set.of("url"), true), "url", UrlPolicy.EMBED));
            }
            case "listItem" -> throw node.error("\"listItem\" is only allowed in a bulletList or orderedList");
            case "tableRow", "tableCell", "tableHeader" -> throw node.error("\"" + type + "\" is only allowed in a table");
            case "text", "hardBreak" -> throw node.error("inline \"" + type + "\" is not allowed here; put it in a paragraph");
            default -> throw node.error("unknown node type \"" + type + "\"");
        };
    }

    private static int deeper(JsonNodeFields node, int depth) throws RichTextException {
        if (depth + 1 > Limits.MAX_DEPTH) {
            throw node.error("lists and blockquotes nested deeper than " + Limits.MAX_DEPTH + " levels");
        }
        return depth + 1;
    }

    private static List<ListItem> items(JsonNodeFields list, int depth) throws RichTextException {
        return children(list, "list", List.of("listItem"), (item, type) -> new ListItem(blocks(item, depth)));
    }

    /** A child of a typed container, read by {@code read} once its type is known to be allowed. */
    private interface ChildReader<T> {
        T read(JsonNodeFields child, String type) throws RichTextException;
    }

    /** The {@code content} of a list, table or row: nodes of {@code types} only, each with only a type and content. */
    private static <T> List<T> children(JsonNodeFields parent, String owner, List<String> types, ChildReader<T> read)
            throws RichTextException {
        String expected = String.join(" or ", types.stream().map(type -> "\"" + type + "\"").toList());
        JsonNode array = parent.array("content", true);
        List<T> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNodeFields child = JsonNodeFields.of(array.get(i), InlineJsonReader.child(parent.path(), "content", i), expected);
            String type = child.requiredString("type");
            if (!types.contains(type)) {
                throw child.error("expected " + expected + " in a " + owner + ", got \"" + type + "\"");
            }
            child.allowOnly(type, Set.of("type", "content"));
            out.add(read.read(child, type));
        }
        return out;
    }

    private static Block codeBlock(JsonNodeFields node) throws RichTextException {
        node.allowOnly("codeBlock", Set.of("type", "attrs", "content"));
        String language = node.attrs("codeBlock", Set.of("language"), false).optionalString("language");
        if (language != null && !Block.CodeBlock.LANGUAGE.matcher(language).matches()) {
            throw node.error("code language \"" + language + "\" must match " + Block.CodeBlock.LANGUAGE);
        }
        StringBuilder code = new StringBuilder();
        for (Inline inline : InlineJsonReader.read(node, "content")) {
            switch (inline) {
                case Inline.Text t when t.marks().isEmpty() -> code.append(t.text());
                case Inline.Text t -> throw node.error("text in a codeBlock cannot have marks");
                case Inline.HardBreak b -> throw node.error("a codeBlock holds text only; use \\n for line breaks");
            }
        }
        return new Block.CodeBlock(language, code.toString());
    }

    /** What a read of an asset image adds (the asset's URL and metadata): accepted on input and not kept. */
    private static final Set<String> IMAGE_ATTRS = Set.of("src", "alt", "link", "asset", "variant",
            "width", "height", "filename", "content_type", "size", "missing");

    private static Block image(JsonNodeFields node) throws RichTextException {
        node.allowOnly("image", Set.of("type", "attrs", "caption"));
        JsonNodeFields attrs = node.attrs("image", IMAGE_ATTRS, true);
        String asset = attrs.optionalString("asset");
        if (asset != null && !Block.Image.ASSET_ID.matcher(asset).matches()) {
            throw node.error("asset \"" + asset + "\" is not an asset id");
        }
        String variant = attrs.optionalString("variant");
        if (variant != null && (asset == null || !Block.Image.VARIANT.matcher(variant).matches())) {
            throw node.error("variant \"" + variant + "\" must be resize parameters (w=300&h=200) of an asset image");
        }
        String src = asset != null && !attrs.has("src") ? null : url(node, attrs, "src", UrlPolicy.IMAGE);
        String alt = attrs.optionalString("alt");
        String link = attrs.has("link") ? url(node, attrs, "link", UrlPolicy.LINK) : null;
        return new Block.Image(src, alt == null ? "" : alt, InlineJsonReader.read(node, "caption"), link, asset, variant);
    }

    private static String url(JsonNodeFields node, JsonNodeFields attrs, String name, UrlPolicy policy)
            throws RichTextException {
        String url = attrs.requiredString(name);
        String problem = policy.problem(url);
        if (problem != null) {
            throw node.error(name + " \"" + url + "\": " + problem);
        }
        return url;
    }

    private static List<TableRow> rows(JsonNodeFields table) throws RichTextException {
        return children(table, "table", List.of("tableRow"), (row, rowType) -> new TableRow(
                children(row, "tableRow", List.of("tableCell", "tableHeader"),
                        (cell, type) -> new TableCell(type.equals("tableHeader"), InlineJsonReader.read(cell, "content")))));
    }
}
