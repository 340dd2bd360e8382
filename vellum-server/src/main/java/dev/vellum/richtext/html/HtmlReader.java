package dev.vellum.richtext.html;

import dev.vellum.richtext.Document;
import dev.vellum.richtext.DocumentNormalizer;
import dev.vellum.richtext.Dropped.Kind;
import dev.vellum.richtext.HtmlConversion;
import dev.vellum.richtext.Limits;
import org.jsoup.Jsoup;

/**
 * Reads real-world HTML into a canonical document, with a report of what was dropped. WordPress's
 * block-editor comments are comments and ignored anywhere; {@link #readWordPress} also does what
 * WordPress does when it renders a post: expands shortcodes, turns URLs alone on a line into embeds,
 * and (for classic-editor content) makes newlines line breaks and blank lines paragraph breaks.
 */
public final class HtmlReader {

    private HtmlReader() {}

    public static HtmlConversion read(String html) {
        return read(html, false);
    }

    /** A WordPress post's raw {@code post_content} (as in a WXR export's {@code content:encoded}). */
    public static HtmlConversion readWordPress(String content) {
        return read(content, true);
    }

    private static HtmlConversion read(String html, boolean wordpress) {
        DropReport report = new DropReport();
        if (html.length() > Limits.MAX_INPUT_CHARS) {
            html = html.substring(0, Limits.MAX_INPUT_CHARS);
            report.add(Kind.LIMIT, "input longer than " + Limits.MAX_INPUT_CHARS + " chars (truncated)");
        }
        boolean lineBreaks = false;
        if (wordpress) {
            // Only WordPress content has shortcodes: elsewhere "[gallery]" is text and must stay text.
            html = Shortcodes.expand(html, report);
            html = WordPressEmbeds.expand(html);
            // WordPress renders block-editor content without autop; only classic content has it.
            lineBreaks = !html.contains("<!-- wp:");
        }
        org.jsoup.nodes.Document dom = Jsoup.parseBodyFragment(html);
        Document document = new Document(new HtmlWalker(report, lineBreaks).read(dom.body()));
        return new HtmlConversion(DocumentNormalizer.normalize(document), report.list());
    }
}
