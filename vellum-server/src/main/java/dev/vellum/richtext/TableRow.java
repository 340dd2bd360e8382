package dev.vellum.richtext;

import java.util.List;

public record TableRow(List<TableCell> cells) {
    public TableRow {
        cells = List.copyOf(cells);
    }

    public TableRow(TableCell... cells) {
        this(List.of(cells));
    }
}
