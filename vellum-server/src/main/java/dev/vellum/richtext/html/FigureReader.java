package dev.vellum.richtext.html;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Inline;
import dev.vellum.richtext.UrlPolicy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * {@code <figure>}. An embed figure ({@code class="embed"}, as the writer emits, or WordPress's
 * {@code wp-block-embed}) becomes an embed of the URL it links, frames or states. Any other figure
 * is read as blocks; when those are exactly one image, the figcaption is its caption, otherwise the
 * caption is kept as a paragraph after them (galleries, tables, quotes).
 */
final class FigureReader {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]++");

    private final HtmlWalker walker;

    FigureReader(HtmlWalker walker) {
        this.walker = walker;
    }

    void read(Element figure, Context context) {
        switch (context.sink()) {
            case Sink.Blocks blocks -> {
                walker.report.attributes(figure, Set.of("class"));
                Element caption = null;
                for (Element child : figure.children()) {
                    if (child.normalName().equals("figcaption")) {
                        caption = child;
                        break;
                    }
                }
                Optional<String> embed = isEmbed(figure) ? embedUrl(figure, caption) : Optional.empty();
                if (embed.isPresent()) {
                    blocks.block(new Block.Embed(embed.get()));
                    captionParagraph(caption, context, blocks);
                    return;
                }
                Sink.Blocks inner = new Sink.Blocks();
                for (Node child : figure.childNodes()) {
                    if (child != caption) {
                        walker.node(child, context.into(inner));
                    }
                }
                List<Block> content = inner.finish();
                List<Inline> captionContent = caption == null ? List.of() : inline(caption, context);
                if (content.size() == 1 && content.getFirst() instanceof Block.Image image
                        && image.caption().isEmpty() && !captionContent.isEmpty()) {
                    blocks.block(new Block.Image(image.src(), image.alt(), captionContent, image.link(), image.asset(), image.variant()));
                } else {
                    content.forEach(blocks::block);
                    captionParagraph(caption, context, blocks);
                }
            }
            case Sink.Inlines inlines -> {
                walker.report.element(figure);
                walker.block(figure, context);
            }
        }
    }

    private static boolean isEmbed(Element figure) {
        for (String name : figure.classNames()) {
            if (name.equals("embed") || name.startsWith("wp-block-embed")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> embedUrl(Element figure, Element caption) {
        Optional<String> url = MediaReader.findUrl(figure);
        if (url.isPresent()) {
            return url;
        }
        Element body = figure.clone();
        body.select("> figcaption").remove();
        Matcher matcher = URL.matcher(body.text());
        return matcher.find() ? UrlPolicy.EMBED.accept(matcher.group()) : Optional.empty();
    }

    private List<Inline> inline(Element element, Context context) {
        walker.report.attributes(element, HtmlWalker.NO_ATTRIBUTES);
        Sink.Inlines content = new Sink.Inlines();
        walker.children(element, context.into(content).deeperHtml());
        return content.content();
    }

    private void captionParagraph(Element caption, Context context, Sink.Blocks blocks) {
        if (caption != null) {
            blocks.block(new Block.Paragraph(inline(caption, context)));
        }
    }
}
