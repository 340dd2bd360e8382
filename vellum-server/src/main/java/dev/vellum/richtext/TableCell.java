package dev.vellum.richtext;

import java.util.List;

/** A table cell holds inline content only, as in GFM; {@code header} is {@code <th>}. */
public record TableCell(boolean header, List<Inline> content) {
    public TableCell {
        content = List.copyOf(content);
    }

    public static TableCell header(Inline... content) {
        return new TableCell(true, List.of(content));
    }

    public static TableCell data(Inline... content) {
        return new TableCell(false, List.of(content));
    }
}
