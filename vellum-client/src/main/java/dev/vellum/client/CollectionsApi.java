package dev.vellum.client;

import java.util.List;
import java.util.Map;

/** {@code /v1/projects/{p}/collections}: schemas. Reading needs a read token; changing needs admin. */
public final class CollectionsApi {
    private final Transport transport;
    private final String project;

    CollectionsApi(Transport transport, String project) {
        this.transport = transport;
        this.project = project;
    }

    /** Creates a collection (not retried: a repeat would answer 409 {@code collection_exists}). */
    public Collection create(CollectionSpec spec) {
        return Collection.from(transport.call(ApiRequest.post(ApiRequest.path("projects", project, "collections"), spec.toJson())));
    }

    public List<Collection> list() {
        return Json.list(transport.call(ApiRequest.get(ApiRequest.path("projects", project, "collections"))), "data", Collection::from);
    }

    public Collection get(String id) {
        return Collection.from(transport.call(ApiRequest.get(ApiRequest.path("projects", project, "collections", id))));
    }

    /** Changes the schema to {@code spec} (the complete new field list); stored entries follow. */
    public Collection update(CollectionSpec spec) {
        return update(spec, Map.of());
    }

    /**
     * Changes the schema, saying per field what to do with values that would be lost or invalid. A
     * change that would still lose data is refused: {@link VellumApiException.Conflict} with code
     * {@code schema_change_conflict} and the affected entries in its errors.
     */
    public Collection update(CollectionSpec spec, Map<String, SchemaResolution> resolve) {
        var body = spec.toJson();
        if (!resolve.isEmpty()) {
            var r = body.putObject("resolve");
            resolve.forEach((field, resolution) -> r.set(field, resolution.toJson()));
        }
        return Collection.from(transport.call(ApiRequest.patch(ApiRequest.path("projects", project, "collections", spec.id()), body)));
    }

    /** Deletes the collection and its entries (409 {@code collection_referenced} while another collection references it). */
    public void delete(String id) {
        transport.call(ApiRequest.delete(ApiRequest.path("projects", project, "collections", id)));
    }
}
