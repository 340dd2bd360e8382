package dev.vellum.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What sync knows of one linked item: the Vellum entry, the Directus item, Directus' modification
 * marker and the Vellum version at the last sync, and the values both sides had then (the base of
 * the three-way merge; keys are Vellum field ids and {@code $slug}).
 */
public record SyncItem(String connectionId, String entryId, String remoteId, String slug, String remoteMarker, long vellumVersion,
                       ObjectNode base, String syncedAt) {}
