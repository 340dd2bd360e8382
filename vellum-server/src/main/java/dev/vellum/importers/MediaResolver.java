package dev.vellum.importers;

import java.util.Collection;
import java.util.Map;

/**
 * Re-hosts the media an import refers to: each source URL becomes an asset URL. URLs that cannot be
 * fetched are left out of the answer (the caller keeps the original URL) and reported by the resolver.
 */
public interface MediaResolver {

    /** Source URL → re-hosted media, for those that could be fetched (or were fetched by an earlier run). */
    Map<String, Rehosted> rehost(Collection<String> urls);

    /** What was fetched, reused and failed, for the job's result; null when there is nothing to say. */
    default com.fasterxml.jackson.databind.node.ObjectNode report() {
        return null;
    }

    record Rehosted(String assetId, String url, Integer width, Integer height) {}

    /** Imports without media: every URL stays as it is. */
    MediaResolver NONE = urls -> Map.of();
}
