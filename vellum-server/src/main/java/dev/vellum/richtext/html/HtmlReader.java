package dev.vellum.richtext.html;

import dev.vellum.richtext.Document;
import dev.vellum.richtext.DocumentNormalizer;
import dev.vellum.richtext.Dropped.Kind;
import dev.vellum.richtext.HtmlConversion;
import dev.vellum.richtext.Limits;
import org.jsoup.Jsoup;

/**
 * Reads real-world HTML into a canonical document, with a report of what was dropped. WordPress
 * shortcodes are expanded first; {@link #readWordPress} also applies WordPress's rendering of
 * classic-editor content (auto-embeds, newlines as line breaks and blank lines as paragraphs).
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
        html = Shortcodes.expand(html, report);
        boolean lineBreaks = false;
        if (wordpress) {
            html = WordPressEmbeds.expand(html);
            // WordPress renders block-editor content without autop; only classic content has it.
            lineBreaks = !html.contains("<!-- wp:");
        }
        org.jsoup.nodes.Document dom = Jsoup.parseBodyFragment(html);
        Document document = new Document(new HtmlWalker(report, lineBreaks).read(dom.body()));
        return new HtmlConversion(DocumentNormalizer.normalize(document), report.list());
    }
}
