package dev.vellum.client;

import java.util.Map;
import java.util.stream.Stream;

/** {@code /v1/projects/{p}/changes}: the project's change log, in commit order. */
public final class ChangesApi {
    /** The page size the walk asks for (the server's largest). */
    private static final int WALK_PAGE = 1000;

    private final Transport transport;
    private final String path;

    ChangesApi(Transport transport, String project) {
        this.transport = transport;
        this.path = ApiRequest.path("projects", project, "changes");
    }

    /** Up to {@code limit} changes (1–1,000) with {@code seq > since}. */
    public ChangePage page(long since, int limit) {
        return ChangePage.from(transport.call(ApiRequest.get(path)
                .withQuery(Map.of("since", Long.toString(since), "limit", Integer.toString(limit)))));
    }

    /**
     * Every change after {@code since}, page after page, up to the end of the log as it stands when the walk
     * reaches it (this does not wait for new changes).
     */
    public Paged<Change> iterate(long since) {
        return new Paged<>(() -> step(since));
    }

    public Stream<Change> stream(long since) {
        return iterate(since).stream();
    }

    private Paged.Step<Change> step(long since) {
        ChangePage page = page(since, WALK_PAGE);
        return new Paged.Step<>(page.data(), page.hasMore() ? () -> step(page.nextSince()) : null);
    }
}
