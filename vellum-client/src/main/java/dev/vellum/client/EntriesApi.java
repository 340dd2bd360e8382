package dev.vellum.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code /v1/projects/{p}/collections/{c}/entries}: reading needs a read token (published entries
 * only) or write (drafts too); writing needs write.
 */
public final class EntriesApi {
    private final Transport transport;
    private final String base;

    EntriesApi(Transport transport, String project, String collection) {
        this.transport = transport;
        this.base = ApiRequest.path("projects", project, "collections", collection, "entries");
    }

    /** Creates an entry under a fresh Idempotency-Key, so a retried create never makes two entries. */
    public Entry create(EntryInput input) {
        return create(input, UUID.randomUUID().toString());
    }

    /**
     * Creates an entry under {@code idempotencyKey}: the same key with the same input (within 24 h,
     * per token) answers the entry the first call made; with another input, 422 {@code idempotency_key_reused}.
     */
    public Entry create(EntryInput input, String idempotencyKey) {
        ApiRequest request = ApiRequest.post(base, input.toJson()).withHeader(ApiRequest.IDEMPOTENCY_KEY, idempotencyKey);
        return Entry.from(transport.call(request));
    }

    public Entry get(String id) {
        return get(id, null);
    }

    /** One entry, with its rich-text fields in {@code format} (null: the JSON document). */
    public Entry get(String id, RichTextFormat format) {
        ApiRequest request = ApiRequest.get(path(id));
        if (format != null) request = request.withQuery(Map.of("rich_text", format.wire()));
        return Entry.from(transport.call(request));
    }

    /** Changes the fields and attributes {@code changes} has, whatever the entry's version. Not retried. */
    public Entry patch(String id, EntryInput changes) {
        return Entry.from(transport.call(ApiRequest.patch(path(id), changes.toJson())));
    }

    /**
     * Changes the entry only if it is still at {@code expectedVersion}; otherwise nothing is written and
     * {@link VellumApiException.PreconditionFailed} says so. Retried on failures, as a repeat cannot apply twice.
     */
    public Entry patch(String id, EntryInput changes, long expectedVersion) {
        return patch(id, changes.toJson(), expectedVersion);
    }

    /** A patch body as raw JSON (to send what {@link EntryInput} does not model, such as {@code "publish_at": null}). */
    public Entry patch(String id, ObjectNode body, Long expectedVersion) {
        ApiRequest request = ApiRequest.patch(path(id), body);
        if (expectedVersion != null) request = request.withHeader(ApiRequest.IF_MATCH, etag(expectedVersion));
        return Entry.from(transport.call(request));
    }

    /** Deletes the entry for good. */
    public void delete(String id) {
        transport.call(ApiRequest.delete(path(id)));
    }

    /** Deletes the entry only if it is still at {@code expectedVersion}. */
    public void delete(String id, long expectedVersion) {
        transport.call(ApiRequest.delete(path(id)).withHeader(ApiRequest.IF_MATCH, etag(expectedVersion)));
    }

    /**
     * Writes up to 1,000 entries in one call, with an outcome per item. Not retried (the server keeps no
     * Idempotency-Key for batches). A failed atomic batch returns {@code rolledBack} rather than throwing.
     */
    public BatchResult batch(BatchRequest request) {
        try {
            return BatchResult.from(transport.call(ApiRequest.post(base + "/batch", request.toJson())), false);
        } catch (VellumApiException.ValidationFailed e) {
            if (!"batch_failed".equals(e.code())) throw e;
            return BatchResult.from(e.problem().body(), true);
        }
    }

    /** The first page of the list. */
    public EntryPage list(ListOptions options) {
        return list(options, null);
    }

    /** The page at {@code cursor} (from the previous page's {@code nextCursor}; null for the first). */
    public EntryPage list(ListOptions options, String cursor) {
        Map<String, String> query = new LinkedHashMap<>(options.query());
        if (cursor != null) query.put("cursor", cursor);
        return EntryPage.from(transport.call(ApiRequest.get(base).withQuery(query)));
    }

    /** Every entry of the list, all pages, fetched lazily as the walk goes. */
    public Paged<Entry> iterate(ListOptions options) {
        return new Paged<>(() -> step(options, null));
    }

    public Stream<Entry> stream(ListOptions options) {
        return iterate(options).stream();
    }

    private Paged.Step<Entry> step(ListOptions options, String cursor) {
        EntryPage page = list(options, cursor);
        return new Paged.Step<>(page.data(), page.hasMore() ? () -> step(options, page.nextCursor()) : null);
    }

    private String path(String id) {
        return base + "/" + ApiRequest.encode(id);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
