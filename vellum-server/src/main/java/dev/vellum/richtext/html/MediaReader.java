package dev.vellum.richtext.html;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Mark;
import dev.vellum.richtext.UrlPolicy;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * {@code <iframe>}, {@code <video>}, {@code <audio>}, {@code <embed>} and {@code <object>} as embeds of
 * their http(s) URL. Without an acceptable URL the element is dropped but its fallback content kept.
 */
final class MediaReader {
    private static final Set<String> SOURCES = Set.of("source", "track", "param");

    private final HtmlWalker walker;

    MediaReader(HtmlWalker walker) {
        this.walker = walker;
    }

    void read(Element element, Context context) {
        String attribute = element.normalName().equals("object") ? "data" : "src";
        String raw = element.attr(attribute);
        for (Element child : element.children()) {
            if (raw.isBlank() && child.normalName().equals("source")) {
                raw = child.attr("src");
            }
        }
        walker.report.attributes(element, Set.of(attribute));
        Optional<String> url = UrlPolicy.EMBED.accept(raw);
        if (url.isEmpty()) {
            if (raw.isBlank()) {
                walker.report.element(element);
            } else {
                walker.report.unsafeUrl(element, attribute);
            }
            fallback(element, context);
            return;
        }
        switch (context.sink()) {
            case Sink.Blocks blocks -> blocks.block(new Block.Embed(url.get()));
            case Sink.Inlines inlines -> {
                walker.report.element(element);
                inlines.text(url.get(), Mark.with(context.marks(), new Mark.Link(url.get(), null)));
            }
        }
    }

    private void fallback(Element element, Context context) {
        if (element.normalName().equals("iframe")) {
            return; // an iframe's content is raw text, never shown by browsers
        }
        for (Node child : element.childNodes()) {
            if (!(child instanceof Element e && SOURCES.contains(e.normalName()))) {
                walker.node(child, context);
            }
        }
    }

    /** The first acceptable embed URL among the media inside {@code root}. */
    static Optional<String> findUrl(Element root) {
        for (Element element : root.select("a[href], iframe[src], video[src], audio[src], source[src], embed[src], object[data]")) {
            String attribute = switch (element.normalName()) {
                case "a" -> "href";
                case "object" -> "data";
                default -> "src";
            };
            Optional<String> url = UrlPolicy.EMBED.accept(element.attr(attribute));
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }
}
