package dev.vellum.changes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a project's change log. {@code seq} orders a project's changes; {@code draft} says
 * whether read-only tokens may see it; {@code data} is the entry or collection after the change
 * (for deletes: what was deleted).
 */
public record Change(long seq, String kind, String collection, String entryId, Long version, boolean draft,
                     String tokenId, String at, JsonNode data) {}
