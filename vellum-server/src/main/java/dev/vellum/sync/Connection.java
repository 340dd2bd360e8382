package dev.vellum.sync;

import java.util.List;

/**
 * A link between one Vellum collection and one Directus collection. {@code sealedToken} is the
 * Directus static token sealed with the SecretBox (never returned). {@code pullMarker}: the highest
 * Directus date_updated/date_created seen (incremental pulls ask for later ones);
 * {@code pushSeq}: the change-log position pushes have read through. {@code hookKey}: the secret
 * in the URL a Directus Flow calls to trigger a sync. {@code remoteFields}: Directus' description of
 * its collection's fields (types, interfaces, relations), kept so runs need not ask again.
 */
public record Connection(String id, String projectId, String collection, String url, String sealedToken, String remoteCollection,
                         String idField, String slugField, List<FieldMap> mapping, List<RemoteField> remoteFields, SyncOptions options, String pullMarker,
                         long pushSeq, String hookKey, String createdAt, String updatedAt) {

    public Connection {
        mapping = List.copyOf(mapping);
        remoteFields = List.copyOf(remoteFields);
    }

    /** What Directus said about a field when the connection was made or reconfigured. */
    public java.util.Optional<RemoteField> remoteField(String name) {
        return remoteFields.stream().filter(f -> f.field().equals(name)).findFirst();
    }

    /** The Directus field that Directus sets on every update ({@code special: date-updated}), or null. */
    public String updatedField() {
        return remoteFields.stream().filter(f -> f.has("date-updated")).map(RemoteField::field).findFirst().orElse(null);
    }

    /** The Directus field set on create ({@code special: date-created}), or null. */
    public String createdField() {
        return remoteFields.stream().filter(f -> f.has("date-created")).map(RemoteField::field).findFirst().orElse(null);
    }

    /** The rows that take part in a sync. */
    public List<FieldMap> active() {
        return mapping.stream().filter(m -> !m.ignore()).toList();
    }

    public Connection withMarkers(String pullMarker, long pushSeq) {
        return new Connection(id, projectId, collection, url, sealedToken, remoteCollection, idField, slugField, mapping, remoteFields, options,
                pullMarker, pushSeq, hookKey, createdAt, updatedAt);
    }
}
