package dev.vellum.http;

import dev.vellum.auth.Access;
import dev.vellum.auth.Principal;
import dev.vellum.auth.Scope;
import dev.vellum.auth.Secrets;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validators and cache headers of content reads. A list's ETag is the project's change seq plus a
 * hash of what was asked and who may see drafts: any change in the project (entries, schemas,
 * publishing) moves the seq, so an unchanged ETag means an unchanged answer and If-None-Match is
 * answered 304 without running the query. Read-token responses carry the project's
 * {@code read_cache_control} (default {@code no-cache}); responses that may hold drafts are private.
 */
final class Caching {
    private Caching() {}

    /** The weak ETag of a list or query answer at change seq {@code seq}. */
    static String etag(long seq, Principal who, Context ctx, String extra) {
        Map<String, java.util.List<String>> query = new TreeMap<>(ctx.queryParamMap());
        String view = switch (who) {
            case Principal.Preview p -> "preview:" + p.collectionId() + ":" + p.entryId();
            default -> Access.seesDrafts(who) ? "drafts" : "published";
        };
        String hash = Secrets.hash(view + "\n" + ctx.path() + "\n" + query + "\n" + (extra == null ? "" : extra)).substring(0, 16);
        return "W/\"" + seq + "-" + hash + "\"";
    }

    /** Cache-Control and Vary for a content read by {@code who}. */
    static void headers(Context ctx, Services s, String projectId, Principal who) {
        boolean readToken = who instanceof Principal.ProjectToken t && !t.scope().includes(Scope.WRITE);
        String configured = readToken ? s.delivery().settings(projectId).readCacheControl() : null;
        ctx.header("Cache-Control", readToken ? (configured == null ? "no-cache" : configured) : "private, no-cache");
        Headers.vary(ctx, "Authorization");
    }

    /** Whether If-None-Match names {@code etag} (weak comparison, as RFC 9110 asks for If-None-Match). */
    static boolean notModified(Context ctx, String etag) {
        String h = ctx.header("If-None-Match");
        if (h == null || h.isBlank()) return false;
        String mine = weakless(etag);
        return Arrays.stream(h.split(",")).map(String::strip).anyMatch(t -> t.equals("*") || weakless(t).equals(mine));
    }

    private static String weakless(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
