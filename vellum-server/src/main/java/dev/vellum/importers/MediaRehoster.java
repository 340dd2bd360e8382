package dev.vellum.importers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Re-hosts an import's media: URLs the import map already knows are answered from it (no download);
 * the rest are fetched concurrently (at most {@code concurrency} at once), each retried with backoff
 * when the failure may pass, and recorded in the map. Failures are kept for the job's report.
 */
public final class MediaRehoster implements MediaResolver {
    private static final int REPORTED = 100;

    private final MediaStore store;
    private final ImportWriter writer;
    private final int concurrency;
    private final int attempts;
    private final long backoffMillis;
    private final Map<String, Rehosted> known = new ConcurrentHashMap<>();
    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private long fetched;
    private long reused;

    public MediaRehoster(MediaStore store, ImportWriter writer, int concurrency, int attempts, long backoffMillis) {
        this.store = store;
        this.writer = writer;
        this.concurrency = Math.max(1, concurrency);
        this.attempts = Math.max(1, attempts);
        this.backoffMillis = backoffMillis;
    }

    @Override
    public Map<String, Rehosted> rehost(Collection<String> urls) {
        Map<String, Rehosted> out = new LinkedHashMap<>();
        List<String> lookup = new ArrayList<>();
        for (String url : urls) {
            Rehosted k = known.get(url);
            if (k != null) out.put(url, k);
            else if (!failed.containsKey(url)) lookup.add(url);
        }
        List<String> missing = new ArrayList<>();
        var mapped = writer.mapped(lookup.stream().map(MediaRehoster::sourceId).toList());
        for (String url : lookup) {
            var m = mapped.get(sourceId(url));
            String assetUrl = m == null ? null : store.url(writer.projectId(), m.targetId());
            if (assetUrl != null) {
                Rehosted r = new Rehosted(m.targetId(), assetUrl, null, null);
                known.put(url, r);
                out.put(url, r);
                reused++;
            } else {
                missing.add(url);
            }
        }
        if (missing.isEmpty()) return out;
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, missing.size()), Thread.ofVirtual().factory())) {
            List<Future<Rehosted>> futures = new ArrayList<>();
            for (String url : missing) futures.add(pool.submit(() -> fetchWithRetries(url)));
            Map<String, String> mappedNow = new LinkedHashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                Rehosted r = get(futures.get(i));
                if (r == null) continue;
                out.put(missing.get(i), r);
                known.put(missing.get(i), r);
                mappedNow.put(sourceId(missing.get(i)), r.assetId());
                fetched++;
            }
            writer.mapMedia(mappedNow); // one transaction for the chunk's media, not one per file
        }
        return out;
    }

    private Rehosted fetchWithRetries(String url) {
        URI uri;
        try {
            uri = URI.create(url.startsWith("//") ? "https:" + url : url);
        } catch (IllegalArgumentException e) {
            failed.put(url, "not a valid URL");
            return null;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return store.fetch(writer.projectId(), uri, null);
            } catch (MediaStore.MediaFailure e) {
                if (!e.retryable() || attempt >= attempts) {
                    failed.put(url, e.getMessage() + (attempt > 1 ? " (after " + attempt + " attempts)" : ""));
                    return null;
                }
                try {
                    Thread.sleep(backoffMillis * (1L << (attempt - 1)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    failed.put(url, "interrupted");
                    return null;
                }
            }
        }
    }

    private static Rehosted get(Future<Rehosted> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String sourceId(String url) {
        return "media:" + url;
    }

    /** {@code {"fetched", "reused", "failed", "failures": [{"url", "error"}…]}} for the job's result. */
    public ObjectNode report() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("fetched", fetched);
        out.put("reused", reused);
        out.put("failed", failed.size());
        ArrayNode list = out.putArray("failures");
        failed.entrySet().stream().limit(REPORTED).forEach(e -> list.addObject().put("url", e.getKey()).put("error", e.getValue()));
        return out;
    }
}
