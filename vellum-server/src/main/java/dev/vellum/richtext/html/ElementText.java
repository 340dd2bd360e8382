package dev.vellum.richtext.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The text of an element exactly as written, with {@code <br>} as a newline and removed elements
 * skipped. Iterative, so it also serves for subtrees too deep to walk recursively.
 */
final class ElementText {

    private ElementText() {}

    static String of(Element root, DropReport report) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                switch (node) {
                    case TextNode text -> out.append(text.getWholeText());
                    case Element element when element.normalName().equals("br") -> out.append('\n');
                    case Element element when ElementRole.of(element.normalName()) == ElementRole.REMOVED -> {
                        report.removed(element);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    default -> { }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return out.toString();
    }
}
