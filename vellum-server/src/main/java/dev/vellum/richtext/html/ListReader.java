package dev.vellum.richtext.html;

import dev.vellum.richtext.Block;
import dev.vellum.richtext.Limits;
import dev.vellum.richtext.ListItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * {@code <ul>} and {@code <ol>}. Content that is not in an {@code <li>} (a nested list written
 * directly in the outer list, as old editors did) joins the item before it. WordPress gallery grids
 * are not lists but a run of images, so they are read as such.
 */
final class ListReader {
    private final HtmlWalker walker;

    ListReader(HtmlWalker walker) {
        this.walker = walker;
    }

    void read(Element list, Context context) {
        switch (context.sink()) {
            case Sink.Blocks blocks when isGallery(list) -> flatten(list, context);
            case Sink.Blocks blocks when context.blockDepth() < Limits.MAX_DEPTH -> {
                boolean ordered = list.normalName().equals("ol");
                walker.report.attributes(list, ordered ? Set.of("start") : HtmlWalker.NO_ATTRIBUTES);
                List<ListItem> items = items(list, context.deeperBlock());
                blocks.block(ordered ? new Block.OrderedList(start(list), items) : new Block.BulletList(items));
            }
            default -> {
                walker.flattened(list, context);
                flatten(list, context);
            }
        }
    }

    private List<ListItem> items(Element list, Context context) {
        List<Sink.Blocks> items = new ArrayList<>();
        for (Node child : list.childNodes()) {
            switch (child) {
                case Element li when li.normalName().equals("li") -> {
                    walker.report.attributes(li, HtmlWalker.NO_ATTRIBUTES);
                    Sink.Blocks item = new Sink.Blocks();
                    items.add(item);
                    walker.children(li, context.into(item).deeperHtml());
                }
                case TextNode text when text.isBlank() -> { }
                case Comment comment -> { }
                default -> {
                    if (items.isEmpty()) {
                        items.add(new Sink.Blocks());
                    }
                    walker.node(child, context.into(items.getLast()));
                }
            }
        }
        return items.stream().map(item -> new ListItem(item.finish())).toList();
    }

    private void flatten(Element list, Context context) {
        for (Node child : list.childNodes()) {
            switch (child) {
                case Element li when li.normalName().equals("li") -> walker.block(li, context.deeperHtml());
                default -> walker.node(child, context);
            }
        }
    }

    private static int start(Element list) {
        String start = list.attr("start").strip();
        if (start.isEmpty()) {
            return 1;
        }
        try {
            long value = Long.parseLong(start);
            return (int) Math.max(0, Math.min(Block.OrderedList.MAX_START, value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean isGallery(Element list) {
        Element parent = list.parent();
        return list.hasClass("blocks-gallery-grid")
                || (parent != null && parent.normalName().equals("figure") && parent.hasClass("wp-block-gallery"));
    }
}
