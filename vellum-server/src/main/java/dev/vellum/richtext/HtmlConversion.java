package dev.vellum.richtext;

import java.util.List;

/** The document read from HTML, and what the HTML had that the document does not keep. */
public record HtmlConversion(Document document, List<Dropped> dropped) {
    public HtmlConversion {
        dropped = List.copyOf(dropped);
    }
}
