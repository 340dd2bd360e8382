package dev.vellum.richtext;

import java.util.List;

/** One item of a bullet or ordered list: any blocks, including nested lists. */
public record ListItem(List<Block> content) {
    public ListItem {
        content = List.copyOf(content);
    }

    public ListItem(Block... content) {
        this(List.of(content));
    }
}
