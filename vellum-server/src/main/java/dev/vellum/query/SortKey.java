package dev.vellum.query;

/** One key of a sort: a system attribute or a field id, ascending or descending. */
public record SortKey(String attribute, boolean descending) {

    public String wire() {
        return (descending ? "-" : "") + attribute;
    }
}
