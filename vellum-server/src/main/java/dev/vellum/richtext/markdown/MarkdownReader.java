package dev.vellum.richtext.markdown;

import dev.vellum.richtext.Dropped.Kind;
import dev.vellum.richtext.HtmlConversion;
import dev.vellum.richtext.Limits;
import dev.vellum.richtext.html.HtmlReader;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads CommonMark with GFM tables and strikethrough. The Markdown is rendered to HTML by
 * commonmark-java with raw HTML passed through, and that HTML is read by {@link HtmlReader}: one
 * mapping to the document model, and raw HTML inside Markdown ({@code <u>}, figures, anything
 * hostile) is sanitised like any other HTML.
 */
public final class MarkdownReader {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create());

    // Both are thread-safe. Open blocks are capped (a list level takes two) so deep nesting stays text.
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .maxOpenBlockParsers(2 * Limits.MAX_DEPTH + 8)
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private MarkdownReader() {}

    public static HtmlConversion read(String markdown) {
        boolean truncated = markdown.length() > Limits.MAX_INPUT_CHARS;
        String source = truncated ? markdown.substring(0, Limits.MAX_INPUT_CHARS) : markdown;
        HtmlConversion conversion = HtmlReader.read(toHtml(source));
        if (!truncated) {
            return conversion;
        }
        List<dev.vellum.richtext.Dropped> dropped = new ArrayList<>(conversion.dropped());
        dropped.add(new dev.vellum.richtext.Dropped(Kind.LIMIT, "input longer than " + Limits.MAX_INPUT_CHARS + " chars (truncated)", 1));
        return new HtmlConversion(conversion.document(), dropped);
    }

    /** CommonMark's own HTML rendering, raw HTML included (not sanitised: only for {@link HtmlReader}). */
    static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
