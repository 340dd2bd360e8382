package dev.vellum.changes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a project's change log. {@code seq} orders a project's changes; {@code draft} says
 * whether read-only tokens may see it; {@code data} is the entry or collection after the change
 * (for deletes: what was deleted).
 */
public record Change(long seq, String kind, String collection, String entryId, Long version, boolean draft,
                     String tokenId, String at, JsonNode data) {

    /**
     * {@code data} given as its JSON text, for a writer that made the text itself (outside the tree model, or before
     * the transaction): the log stores the text as it is instead of serialising a tree on the one writer.
     */
    public static JsonNode serialised(String json) {
        return new com.fasterxml.jackson.databind.node.POJONode(new com.fasterxml.jackson.databind.util.RawValue(json));
    }

    /** The JSON text of {@code data} made by {@link #serialised}, or null for a tree. */
    static String text(JsonNode data) {
        return data instanceof com.fasterxml.jackson.databind.node.POJONode p
                && p.getPojo() instanceof com.fasterxml.jackson.databind.util.RawValue raw ? String.valueOf(raw.rawValue()) : null;
    }
}
