package dev.vellum.http;

import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.changes.Change;
import dev.vellum.changes.ChangeJson;
import dev.vellum.changes.ChangeStream;
import dev.vellum.error.VellumException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;

/**
 * /v1/projects/{p}/changes/stream: the change log as Server-Sent Events ({@code id:} the seq,
 * {@code event:} the kind, {@code data:} the change as {@code GET …/changes} shows it). Resumes after
 * {@code Last-Event-ID}, else after {@code ?since=}, else from now. Read tokens see no drafts.
 */
final class ChangeStreamRoutes {
    private ChangeStreamRoutes() {}

    static void register(RoutesConfig routes, Services s) {
        routes.get("/v1/projects/{p}/changes/stream", ctx -> {
            String p = Calls.project(ctx, Scope.READ);
            boolean drafts = Access.seesDrafts(Calls.principal(ctx));
            Long since = resumeAfter(ctx);
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new VellumException.BadRequest("event_stream_expected", "Send Accept: text/event-stream to open the change stream");
            }
            ChangeStream stream = s.events().stream();
            // "from now" is fixed before the handshake: a client that has its 200 sees every change made after it
            long start = since != null ? since : s.changes().latest(p);
            new SseHandler(0, client -> {
                client.keepAlive();
                stream.open(p, start, drafts, new Sink(client));
            }).handle(ctx);
        });
    }

    /** The seq to resume after: Last-Event-ID wins over ?since= (a reconnecting EventSource keeps its URL). */
    private static Long resumeAfter(Context ctx) {
        String last = ctx.header("Last-Event-ID");
        String value = last != null && !last.isBlank() ? last.strip() : ctx.queryParam("since");
        if (value == null || value.isEmpty()) return null;
        try {
            long v = Long.parseLong(value);
            if (v >= 0) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new VellumException.BadRequest("invalid_query", "Last-Event-ID and since must be a change seq (a whole number ≥ 0)");
    }

    private record Sink(SseClient client) implements ChangeStream.Sink {
        @Override
        public void event(Change change) throws IOException {
            client.sendEvent(change.kind(), ChangeJson.render(change).toString(), Long.toString(change.seq()));
            if (client.terminated()) throw new IOException("the client went away");
        }

        @Override
        public void comment(String text) throws IOException {
            client.sendComment(text);
            if (client.terminated()) throw new IOException("the client went away");
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
