package dev.vellum.richtext.html;

import dev.vellum.richtext.Mark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an HTML element means to the reader. Elements not listed are unwrapped: their text is kept. */
enum ElementRole {
    /** Removed with everything inside: executable, invisible or interactive content. */
    REMOVED,
    LINE_BREAK,
    PARAGRAPH,
    /** A block-level element with no equivalent; its text is kept as paragraphs. */
    CONTAINER,
    /** An inline element with no equivalent; its text is kept. */
    INLINE,
    HEADING,
    LIST,
    QUOTE,
    PREFORMATTED,
    RULE,
    IMAGE,
    FIGURE,
    TABLE,
    MEDIA,
    LINK,
    BOLD(Mark.BOLD),
    ITALIC(Mark.ITALIC),
    UNDERLINE(Mark.UNDERLINE),
    STRIKE(Mark.STRIKE),
    CODE(Mark.CODE);

    private static final Map<String, ElementRole> BY_TAG = new HashMap<>();

    static {
        register(REMOVED, "script", "style", "template", "noscript", "head", "title", "meta", "link", "base",
                "svg", "math", "canvas", "applet", "frame", "frameset", "noframes", "noembed", "input", "select",
                "textarea", "option", "optgroup", "datalist", "button", "param", "source", "track", "map", "area",
                "dialog", "portal", "slot");
        register(LINE_BREAK, "br");
        register(PARAGRAPH, "p");
        register(CONTAINER, "div", "section", "article", "header", "footer", "main", "aside", "nav", "address",
                "center", "dl", "dt", "dd", "details", "summary", "hgroup", "fieldset", "legend", "form", "li",
                "figcaption", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "menu", "search", "html",
                "body", "marquee", "multicol");
        register(HEADING, "h1", "h2", "h3", "h4", "h5", "h6");
        register(LIST, "ul", "ol", "dir");
        register(QUOTE, "blockquote");
        register(PREFORMATTED, "pre", "xmp", "listing", "plaintext");
        register(RULE, "hr");
        register(IMAGE, "img", "image");
        register(FIGURE, "figure");
        register(TABLE, "table");
        register(MEDIA, "iframe", "video", "audio", "embed", "object");
        register(LINK, "a");
        register(BOLD, "b", "strong");
        register(ITALIC, "i", "em");
        register(UNDERLINE, "u");
        register(STRIKE, "s", "del", "strike");
        register(CODE, "code", "tt", "kbd", "samp");
    }

    private final Mark mark;

    ElementRole() {
        this(null);
    }

    ElementRole(Mark mark) {
        this.mark = mark;
    }

    private static void register(ElementRole role, String... tags) {
        for (String tag : List.of(tags)) {
            BY_TAG.put(tag, role);
        }
    }

    static ElementRole of(String normalName) {
        return BY_TAG.getOrDefault(normalName, INLINE);
    }

    /** The mark this element adds to its text, or null. */
    Mark mark() {
        return mark;
    }
}
