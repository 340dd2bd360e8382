package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.client.FakeServer.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-paging follows cursors, fetches each page once and only when the walk reaches it. */
class PagingTest {
    private static final Map<String, List<String>> PAGES = Map.of("", List.of("a", "b"), "c1", List.of("c", "d"), "c2", List.of("e"));
    private static final Map<String, String> NEXT = Map.of("", "c1", "c1", "c2");

    private FakeServer server;
    private VellumClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer();
        client = VellumClient.builder().baseUrl(server.base()).token("t").build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void serveEntries() {
        server.handle(r -> {
            String cursor = r.query().getOrDefault("cursor", "");
            StringBuilder data = new StringBuilder();
            for (String id : PAGES.get(cursor)) {
                if (!data.isEmpty()) data.append(',');
                data.append("{\"id\": \"%s\", \"slug\": \"%s\", \"version\": 1, \"fields\": {}}".formatted(id, id));
            }
            String next = NEXT.containsKey(cursor) ? "\"" + NEXT.get(cursor) + "\"" : "null";
            return Reply.json(200, "{\"data\": [" + data + "], \"next_cursor\": " + next + "}");
        });
    }

    private List<String> cursorsRequested() {
        return server.requests().stream().map(r -> r.query().getOrDefault("cursor", "")).toList();
    }

    @Test
    void theIteratorFollowsEveryCursorExactlyOnce() {
        serveEntries();
        List<String> ids = new ArrayList<>();
        ListOptions options = ListOptions.builder().limit(2).sort("-created_at", "title").build();
        for (Entry e : client.entries("acme", "posts").iterate(options)) ids.add(e.id());
        assertThat(ids).containsExactly("a", "b", "c", "d", "e");
        assertThat(cursorsRequested()).containsExactly("", "c1", "c2");
        assertThat(server.requests()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/projects/acme/collections/posts/entries");
            assertThat(r.query()).containsEntry("limit", "2").containsEntry("sort", "-created_at,title");
        });
    }

    @Test
    void pagesAreFetchedLazilyAsTheWalkReachesThem() {
        serveEntries();
        Paged<Entry> all = client.entries("acme", "posts").iterate(ListOptions.DEFAULT);
        assertThat(server.requests()).as("nothing before the first item is wanted").isEmpty();
        Iterator<Entry> walk = all.iterator();
        assertThat(walk.next().id()).isEqualTo("a");
        assertThat(walk.next().id()).isEqualTo("b");
        assertThat(cursorsRequested()).containsExactly("");
        assertThat(walk.next().id()).isEqualTo("c");
        assertThat(cursorsRequested()).containsExactly("", "c1");
    }

    @Test
    void aLimitedStreamStopsFetching() {
        serveEntries();
        List<String> ids = client.entries("acme", "posts").stream(ListOptions.DEFAULT).limit(3).map(Entry::id).toList();
        assertThat(ids).containsExactly("a", "b", "c");
        assertThat(cursorsRequested()).containsExactly("", "c1");
    }

    @Test
    void theChangeLogWalkPagesBySinceUntilNothingMoreIsLeft() {
        server.handle(r -> switch (r.query().get("since")) {
            case "0" -> Reply.json(200, """
                    {"data": [{"seq": 1, "kind": "collection.created", "collection": "posts", "version": 1, "at": "2026-01-01T00:00:00.000Z", "data": {}},
                              {"seq": 2, "kind": "entry.created", "collection": "posts", "entry_id": "e1", "version": 1, "at": "2026-01-01T00:00:00.000Z", "data": {"id": "e1"}}],
                     "next_since": 2, "has_more": true}""");
            case "2" -> Reply.json(200, """
                    {"data": [{"seq": 3, "kind": "entry.deleted", "collection": "posts", "entry_id": "e1", "at": "2026-01-01T00:00:01.000Z", "data": {"id": "e1"}}],
                     "next_since": 3, "has_more": false}""");
            default -> Reply.problem(400, "invalid_query");
        });
        List<Change> changes = client.changes("acme").stream(0).toList();
        assertThat(changes).extracting(Change::seq).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(1).entryId()).isEqualTo("e1");
        assertThat(changes.get(0).entryId()).isNull();
        assertThat(changes.get(2).version()).isNull();
        assertThat(server.requests()).extracting(r -> r.query().get("since")).containsExactly("0", "2");
    }

    @Test
    void listOptionsTravelAsTheServerReadsThem() {
        server.reply(Reply.json(200, "{\"data\": [], \"next_cursor\": null, \"total\": 0}"));
        String filter = "status = \"live\" and (views >= 10 or title ~ \"a&b+c\") and tags in [\"x\", \"y\"]";
        EntryPage page = client.entries("acme", "posts").list(ListOptions.builder().limit(25).fields("title", "views")
                .filter(filter).includeTotal(true).richText(RichTextFormat.MARKDOWN).build(), "cur/+=");
        assertThat(page.total()).isZero();
        assertThat(page.hasMore()).isFalse();
        assertThat(server.requests().getFirst().query()).containsExactlyInAnyOrderEntriesOf(Map.of("limit", "25",
                "fields", "title,views", "filter", filter, "include_total", "true", "rich_text", "markdown", "cursor", "cur/+="));
    }
}
