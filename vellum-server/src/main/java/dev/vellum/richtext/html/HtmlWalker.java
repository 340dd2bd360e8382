package dev.vellum.richtext.html;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Dropped.Kind;
import dev.vellum.richtext.InlineNormalizer;
import dev.vellum.richtext.Limits;
import dev.vellum.richtext.Mark;
import dev.vellum.richtext.UrlPolicy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Walks a parsed HTML tree and turns it into blocks. Sanitising is by construction: only what the
 * document model can hold is carried over, every URL passes {@link UrlPolicy}, and removed elements
 * ({@link ElementRole#REMOVED}) are never descended into.
 */
final class HtmlWalker {
    static final Set<String> NO_ATTRIBUTES = Set.of();

    final DropReport report;
    private final boolean lineBreaks;
    private final ListReader lists = new ListReader(this);
    private final TableReader tables = new TableReader(this);
    private final FigureReader figures = new FigureReader(this);
    private final MediaReader media = new MediaReader(this);

    /** @param lineBreaks WordPress classic content: a newline is a line break, a blank line a paragraph break */
    HtmlWalker(DropReport report, boolean lineBreaks) {
        this.report = report;
        this.lineBreaks = lineBreaks;
    }

    List<Block> read(Element root) {
        Sink.Blocks sink = new Sink.Blocks();
        children(root, new Context(sink, List.of(), 0, 0));
        return sink.finish();
    }

    void children(Element parent, Context context) {
        for (Node child : parent.childNodes()) {
            node(child, context);
        }
    }

    void node(Node node, Context context) {
        switch (node) {
            case TextNode text -> text(text.getWholeText(), context);
            case Element element when context.htmlDepth() >= Limits.MAX_HTML_DEPTH -> {
                report.add(Kind.LIMIT, "elements nested deeper than " + Limits.MAX_HTML_DEPTH + " (text kept)");
                context.sink().text(ElementText.of(element, report), context.marks());
            }
            case Element element -> element(element, context.deeperHtml());
            default -> { } // comments (WordPress block delimiters among them), doctypes
        }
    }

    private void text(String text, Context context) {
        if (!lineBreaks) {
            context.sink().text(text, context.marks());
            return;
        }
        int start = 0;
        int newline;
        while ((newline = text.indexOf('\n', start)) >= 0) {
            context.sink().text(text.substring(start, newline), context.marks());
            int end = newline;
            int newlines = 0;
            while (end < text.length() && InlineNormalizer.isSpace(text.charAt(end))) {
                if (text.charAt(end) == '\n') {
                    newlines++;
                }
                end++;
            }
            if (newlines >= 2) {
                context.sink().boundary();
            } else {
                context.sink().hardBreak();
            }
            start = end;
        }
        context.sink().text(text.substring(start), context.marks());
    }

    private void element(Element element, Context outer) {
        ElementRole role = ElementRole.of(element.normalName());
        List<Mark> marks = role.mark() == null ? outer.marks() : Mark.with(outer.marks(), role.mark());
        Context context = outer.withMarks(StyleMarks.apply(element.attr("style"), marks));
        switch (role) {
            case REMOVED -> report.removed(element);
            case LINE_BREAK -> {
                report.attributes(element, NO_ATTRIBUTES);
                context.sink().hardBreak();
            }
            case PARAGRAPH -> {
                report.attributes(element, NO_ATTRIBUTES);
                block(element, context);
            }
            case CONTAINER -> {
                report.element(element);
                block(element, context);
            }
            case INLINE -> {
                report.element(element);
                children(element, context);
            }
            case BOLD, ITALIC, UNDERLINE, STRIKE, CODE -> {
                report.attributes(element, NO_ATTRIBUTES);
                children(element, context);
            }
            case LINK -> link(element, context);
            case HEADING -> heading(element, context);
            case LIST -> lists.read(element, context);
            case QUOTE -> quote(element, context);
            case PREFORMATTED -> CodeBlockReader.read(element, context, report);
            case RULE -> rule(element, context);
            case IMAGE -> image(element, context);
            case FIGURE -> figures.read(element, context);
            case TABLE -> tables.read(element, context);
            case MEDIA -> media.read(element, context);
        }
    }

    /** A block-level element read as a run of paragraphs (or lines, in inline-only content). */
    void block(Element element, Context context) {
        context.sink().boundary();
        children(element, context);
        context.sink().boundary();
    }

    private void link(Element element, Context context) {
        report.attributes(element, Set.of("href", "title"));
        if (!element.hasAttr("href")) {
            report.element(element);
            children(element, context);
            return;
        }
        Optional<String> href = UrlPolicy.LINK.accept(element.attr("href"));
        if (href.isEmpty()) {
            report.unsafeUrl(element, "href");
            children(element, context);
            return;
        }
        String title = InlineNormalizer.line(element.attr("title"));
        children(element, context.withMark(new Mark.Link(href.get(), title.isEmpty() ? null : title)));
    }

    private void heading(Element element, Context context) {
        switch (context.sink()) {
            case Sink.Blocks blocks -> {
                report.attributes(element, NO_ATTRIBUTES);
                Sink.Inlines content = new Sink.Inlines();
                children(element, context.into(content));
                blocks.block(new Block.Heading(element.normalName().charAt(1) - '0', content.content()));
            }
            case Sink.Inlines inlines -> {
                report.element(element);
                block(element, context);
            }
        }
    }

    private void quote(Element element, Context context) {
        switch (context.sink()) {
            case Sink.Blocks blocks when context.blockDepth() < Limits.MAX_DEPTH -> {
                report.attributes(element, NO_ATTRIBUTES);
                Sink.Blocks content = new Sink.Blocks();
                children(element, context.into(content).deeperBlock());
                blocks.block(new Block.Blockquote(content.finish()));
            }
            default -> {
                flattened(element, context);
                block(element, context);
            }
        }
    }

    /** Reports a block element that cannot stand where it is: too deep, or inside inline-only content. */
    void flattened(Element element, Context context) {
        switch (context.sink()) {
            case Sink.Blocks blocks -> report.add(Kind.LIMIT, "lists and quotes nested deeper than " + Limits.MAX_DEPTH);
            case Sink.Inlines inlines -> report.element(element);
        }
    }

    private void rule(Element element, Context context) {
        switch (context.sink()) {
            case Sink.Blocks blocks -> {
                report.attributes(element, NO_ATTRIBUTES);
                blocks.block(Block.HORIZONTAL_RULE);
            }
            case Sink.Inlines inlines -> {
                report.element(element);
                inlines.boundary();
            }
        }
    }

    private void image(Element element, Context context) {
        Optional<String> direct = UrlPolicy.IMAGE.accept(element.attr("src"));
        // Lazy-loading plugins keep the real source in data-src and a placeholder in src.
        boolean lazy = direct.isEmpty() && element.hasAttr("data-src");
        Optional<String> src = lazy ? UrlPolicy.IMAGE.accept(element.attr("data-src")) : direct;
        report.attributes(element, lazy ? Set.of("src", "data-src", "alt") : Set.of("src", "alt"));
        String alt = element.attr("alt");
        switch (context.sink()) {
            case Sink.Blocks blocks when src.isPresent() -> blocks.block(new Block.Image(src.get(), alt, List.of(), context.link()));
            case Sink.Blocks blocks -> {
                if (element.attr("src").isBlank()) {
                    report.element(element);
                } else {
                    report.unsafeUrl(element, "src");
                }
                blocks.text(alt, context.marks());
            }
            case Sink.Inlines inlines -> {
                report.element(element);
                inlines.text(alt, context.marks());
            }
        }
    }
}
