package dev.vellum.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.query.FilterParser;
import dev.vellum.query.ListParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

/**
 * Batched loading of referenced entries: every reference resolved on one level of a query is collected
 * and read with one list query per target collection ({@code id in [...]}, up to 100 ids a query) through
 * the same engine and draft rules as REST. A page of 100 posts with their authors costs one query for
 * the posts and one for the authors, whatever the page size.
 */
final class EntryLoader {
    static final int BATCH = FilterParser.MAX_LIST;
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private EntryLoader() {}

    static String key(String collectionId, boolean drafts) {
        return collectionId + (drafts ? "#drafts" : "#published");
    }

    /** One loader per collection and draft visibility, for one request. */
    static DataLoaderRegistry registry(EntryService entries, Viewer viewer, Iterable<String> collectionIds) {
        DataLoaderRegistry registry = new DataLoaderRegistry();
        for (String c : collectionIds) {
            for (boolean drafts : new boolean[] {false, true}) {
                if (drafts && !viewer.draftsOf(c)) continue;
                DataLoader<String, ObjectNode> loader = DataLoaderFactory.newMappedDataLoader(
                        ids -> CompletableFuture.completedFuture(load(entries, viewer.projectId(), c, drafts, ids)));
                registry.register(key(c, drafts), loader);
            }
        }
        return registry;
    }

    private static Map<String, ObjectNode> load(EntryService entries, String projectId, String collectionId, boolean drafts,
                                                 Set<String> ids) {
        List<String> valid = ids.stream().filter(id -> id != null && ID.matcher(id).matches()).sorted().toList();
        Map<String, ObjectNode> found = new HashMap<>();
        for (int from = 0; from < valid.size(); from += BATCH) {
            List<String> chunk = valid.subList(from, Math.min(valid.size(), from + BATCH));
            List<String> quoted = new ArrayList<>();
            for (String id : chunk) quoted.add("\"" + id + "\"");
            ListParams params = new ListParams(Integer.toString(chunk.size()), null, null, null, null,
                    "id in [" + String.join(", ", quoted) + "]");
            ObjectNode page = entries.list(projectId, collectionId, params, drafts, RichTextFormat.JSON);
            entries.expandAssets(projectId, page);
            for (JsonNode e : page.get("data")) found.put(e.get("id").asText(), (ObjectNode) e);
        }
        return found;
    }
}
