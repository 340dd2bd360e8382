package dev.vellum.query;

/** The raw query parameters of a list request, as the client sent them (each may be null). */
public record ListParams(String limit, String cursor, String sort, String fields, String includeTotal, String filter, String search) {

    public ListParams(String limit, String cursor, String sort, String fields, String includeTotal, String filter) {
        this(limit, cursor, sort, fields, includeTotal, filter, null);
    }
}
