package dev.vellum.content;

import dev.vellum.query.Cursor;
import java.util.List;

/** One page of a list: its entries, where the next page starts (null at the end), and the total if asked. */
record Page(List<Entry> data, Cursor next, Long total) {}
