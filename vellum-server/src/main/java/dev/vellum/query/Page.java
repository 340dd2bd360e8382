package dev.vellum.query;

import dev.vellum.content.Entry;
import java.util.List;

/** One page of a list: its entries, where the next page starts (null at the end), and the total if asked. */
public record Page(List<Entry> data, Cursor next, Long total) {}
