package dev.vellum.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.changes.Change;
import dev.vellum.error.VellumException;
import dev.vellum.changes.ChangeLog;
import dev.vellum.error.FieldError;
import dev.vellum.testing.LocalScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch path's semantics, which its bulk writing (one lookup per batch for slugs, references and
 * upsert matches; one JDBC batch of rows) must keep exactly: one bad item fails alone, an atomic batch
 * writes nothing, slugs are unique against existing rows and inside the batch (generated ones too),
 * references are checked per item, and the change log gets one record per write, gap-free, in item order.
 */
abstract class BatchWriteScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "batches";

    private EntryService entries;
    private ChangeLog changes;

    @BeforeAll
    void seed() {
        entries = vellum.services().entries();
        changes = vellum.services().changes();
        vellum.services().projects().create(P, null);
        collection(Map.of("id", "authors", "slug_from", "name", "fields", List.of(Map.of("id", "name", "type", "text"))));
        collection(Map.of("id", "posts", "slug_from", "title", "fields", List.of(
                Map.of("id", "title", "type", "text", "required", true),
                Map.of("id", "views", "type", "number", "integer", true, "min", 0),
                Map.of("id", "code", "type", "text", "unique", true),
                Map.of("id", "author", "type", "reference", "collection", "authors"),
                Map.of("id", "related", "type", "references", "collection", "posts"))));
    }

    private void collection(Map<String, Object> body) {
        vellum.services().collections().create(P, JSON.valueToTree(body), null);
    }

    private static ObjectNode item(String slug, String title) {
        ObjectNode e = JSON.createObjectNode();
        if (slug != null) e.put("slug", slug);
        e.putObject("fields").put("title", title);
        return e;
    }

    private static ObjectNode batch(String mode, ObjectNode... items) {
        ObjectNode body = JSON.createObjectNode().put("mode", mode);
        ArrayNode list = body.putArray("entries");
        for (ObjectNode i : items) list.add(i);
        return body;
    }

    private BatchResult run(String collection, ObjectNode body) {
        return entries.batch(P, collection, body, null);
    }

    private long rows(String collection) {
        String table = vellum.services().collections().get(P, collection).table();
        return vellum.services().database().read(tx -> tx.count("SELECT COUNT(*) FROM " + table));
    }

    private ObjectNode get(String collection, String id) {
        return entries.get(P, collection, id, true, RichTextFormat.JSON).body();
    }

    /** The changes logged since {@code seq}: gap-free from seq + 1 (asserted), in log order. */
    private List<Change> loggedSince(long seq) {
        List<Change> logged = changes.since(P, seq, 1000, true);
        for (int i = 0; i < logged.size(); i++) assertThat(logged.get(i).seq()).as("gap-free").isEqualTo(seq + 1 + i);
        assertThat(changes.latest(P)).isEqualTo(seq + logged.size());
        return logged;
    }

    /** Runs {@code write} and says whether any batch fell back to item-by-item writing meanwhile. */
    private static boolean fellBack(Runnable write) {
        long before = EntryBatch.ITEM_BY_ITEM.get();
        write.run();
        return EntryBatch.ITEM_BY_ITEM.get() != before;
    }

    private static List<String> statuses(BatchResult r) {
        return r.results().stream().map(BatchResult.Item::status).toList();
    }

    @Test
    void oneInvalidItemFailsAloneAndTheLogHoldsTheOthersInItemOrder() {
        long seq = changes.latest(P);
        long before = rows("posts");
        ObjectNode bad = item("invalid-item", "Bad");
        ((ObjectNode) bad.get("fields")).put("views", -1);
        BatchResult r = run("posts", batch("create", item("first-item", "First"), bad, item(null, "Third item"),
                item("fourth-item", "Fourth")));

        assertThat(statuses(r)).containsExactly("created", "error", "created", "created");
        assertThat(r.results().get(1).code()).isEqualTo("validation_failed");
        assertThat(r.results().get(1).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("entries[1].fields.views", "too_small"));
        assertThat(r.results().get(2).slug()).isEqualTo("third-item");
        assertThat(rows("posts")).isEqualTo(before + 3);
        List<Change> logged = loggedSince(seq);
        assertThat(logged).extracting(Change::kind).containsOnly("entry.created");
        assertThat(logged).extracting(Change::entryId)
                .containsExactly(r.results().get(0).id(), r.results().get(2).id(), r.results().get(3).id());
        assertThat(logged.get(1).data().path("slug").asText()).isEqualTo("third-item");
        for (Change c : logged) assertThat(c.data().toString()).as("the record is the entry as stored").isEqualTo(get("posts", c.entryId()).toString());
        assertThat(get("posts", r.results().get(3).id()).path("fields").path("title").asText()).isEqualTo("Fourth");
    }

    @Test
    void aBulkWriterMayWriteFiveThousandItemsInOneBatchAndTheApiAThousand() {
        ObjectNode big = JSON.createObjectNode().put("mode", "create");
        ArrayNode list = big.putArray("entries");
        for (int i = 0; i < EntryService.BULK_ITEMS; i++) list.add(item("five-k-" + i, "Five k " + i));
        assertThatThrownBy(() -> run("posts", big)).as("the API's limit")
                .isInstanceOfSatisfying(VellumException.Invalid.class, e -> assertThat(e.errors().getFirst().code()).isEqualTo("too_many_entries"));
        long seq = changes.latest(P);
        long before = rows("posts");
        BatchResult written = entries.batch(P, "posts", big, null, EntryService.BULK_ITEMS, (tx, r) -> { });
        assertThat(statuses(written)).hasSize(EntryService.BULK_ITEMS).containsOnly("created");
        assertThat(rows("posts") - before).isEqualTo(EntryService.BULK_ITEMS);
        assertThat(changes.latest(P) - seq).as("one change each").isEqualTo(EntryService.BULK_ITEMS);
        assertThat(changes.since(P, seq + EntryService.BULK_ITEMS - 1, 10, true)).extracting(Change::entryId)
                .containsExactly(written.results().getLast().id());
        list.add(item("five-k-one-more", "One more"));
        assertThatThrownBy(() -> entries.batch(P, "posts", big, null, EntryService.BULK_ITEMS + 1, (tx, r) -> { }))
                .as("no caller goes past the bulk size").isInstanceOf(VellumException.Invalid.class);
    }

    @Test
    void anAtomicBatchWithOneInvalidItemWritesNothing() {
        long seq = changes.latest(P);
        long before = rows("posts");
        ObjectNode body = batch("create", item("atomic-one", "One"), item("atomic-two", "Two"), item("atomic-one", "Duplicate"));
        body.put("atomic", true);
        BatchResult r = run("posts", body);

        assertThat(r.atomicFailure()).isTrue();
        assertThat(statuses(r)).containsExactly("rolled_back", "rolled_back", "error");
        assertThat(r.results().get(2).code()).isEqualTo("slug_taken");
        assertThat(rows("posts")).isEqualTo(before);
        assertThat(changes.latest(P)).as("no change recorded, no sequence number used").isEqualTo(seq);
    }

    @Test
    void slugsAreUniqueAgainstExistingEntriesAndInsideTheBatch() {
        BatchResult existing = run("posts", batch("create", item("held-slug", "Anything"), item(null, "Same Title")));
        assertThat(statuses(existing)).containsExactly("created", "created");
        assertThat(existing.results().get(1).slug()).isEqualTo("same-title");
        long seq = changes.latest(P);

        BatchResult[] out = new BatchResult[1];
        assertThat(fellBack(() -> out[0] = run("posts", batch("create",
                item("held-slug", "Explicit slug an existing entry has"),
                item(null, "Same title"),                       // generated: same-title is taken by an existing entry
                item(null, "Same  title!"),                     // and same-title-2 by the item before
                item("fresh-slug", "Explicit"),
                item("fresh-slug", "Explicit again"),          // taken by the item before
                item(null, "Fresh slug"),                       // generated, and fresh-slug is taken in this batch
                item(null, "Brand new"),
                item("brand-new", "Explicit after a generated one"))))).as("decided in bulk, not item by item").isFalse();
        BatchResult r = out[0];

        assertThat(statuses(r)).containsExactly("error", "created", "created", "created", "error", "created", "created", "error");
        assertThat(r.results()).extracting(BatchResult.Item::code).containsExactly("slug_taken", null, null, null, "slug_taken", null, null,
                "slug_taken");
        assertThat(r.results().get(0).errors()).extracting(FieldError::field).containsExactly("slug");
        assertThat(r.results()).extracting(BatchResult.Item::slug).containsExactly("held-slug", "same-title-2", "same-title-3", "fresh-slug",
                "fresh-slug", "fresh-slug-2", "brand-new", "brand-new");
        List<Change> logged = loggedSince(seq);
        assertThat(logged).extracting(c -> c.data().path("slug").asText())
                .containsExactly("same-title-2", "same-title-3", "fresh-slug", "fresh-slug-2", "brand-new");
    }

    @Test
    void referencesAreCheckedPerItem() {
        BatchResult authors = run("authors", batch("create", authorNamed("Ada"), authorNamed("Grace")));
        String ada = authors.results().get(0).id();
        String grace = authors.results().get(1).id();
        String post = run("posts", batch("create", item("referenced-post", "Referenced"))).results().getFirst().id();

        ObjectNode good = item("refers-well", "Good");
        ((ObjectNode) good.get("fields")).put("author", ada).putArray("related").add(post);
        ObjectNode missingAuthor = item("refers-to-nobody", "Bad author");
        ((ObjectNode) missingAuthor.get("fields")).put("author", "01JNOSUCHAUTHOR00000000000");
        ObjectNode missingRelated = item("refers-to-no-post", "Bad related");
        ((ObjectNode) missingRelated.get("fields")).put("author", grace).putArray("related").add(post).add("01JNOSUCHPOST0000000000000");
        BatchResult r = run("posts", batch("create", good, missingAuthor, missingRelated));

        assertThat(statuses(r)).containsExactly("created", "error", "error");
        assertThat(r.results().get(1).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("entries[1].fields.author", "reference_not_found"));
        assertThat(r.results().get(2).errors()).extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("entries[2].fields.related", "no entry 01JNOSUCHPOST0000000000000 in collection 'posts'"));
        assertThat(get("posts", r.results().getFirst().id()).path("fields").path("author").asText()).isEqualTo(ada);
    }

    private static ObjectNode authorNamed(String name) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("fields").put("name", name);
        return e;
    }

    @Test
    void anItemCannotReferToAnotherItemOfTheSameBatchAsIdsAreTheServers() {
        // a create may not carry an id, so no item can name the id another item of its batch will get
        ObjectNode withId = item("chooses-its-id", "Own id");
        withId.put("id", "01JCHOSENBYTHECLIENT000000");
        BatchResult r = run("posts", batch("create", item("plain-item", "Plain"), withId));
        assertThat(statuses(r)).containsExactly("created", "error");
        assertThat(r.results().get(1).errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple("entries[1].id", "read_only"));
    }

    @Test
    void upsertsMatchUpdateAndCreateInOneBatch() {
        BatchResult seeded = run("posts", batch("create", item("up-a", "A"), item("up-b", "B")));
        long seq = changes.latest(P);
        ObjectNode changedA = item("up-a", "A changed");
        BatchResult r = run("posts", batch("upsert", changedA, item("up-b", "B"), item("up-c", "C")));

        assertThat(statuses(r)).containsExactly("updated", "unchanged", "created");
        assertThat(r.results().get(0).id()).isEqualTo(seeded.results().get(0).id());
        assertThat(r.results().get(0).version()).isEqualTo(2);
        assertThat(get("posts", r.results().get(0).id()).path("fields").path("title").asText()).isEqualTo("A changed");
        assertThat(loggedSince(seq)).extracting(Change::kind, Change::entryId).containsExactly(
                tuple("entry.updated", r.results().get(0).id()), tuple("entry.created", r.results().get(2).id()));
    }

    @Test
    void upsertsByIdMayHandASlugOnWithinTheBatch() {
        BatchResult seeded = run("posts", batch("create", item("swap-a", "A"), item("swap-b", "B"), item("swap-c", "C")));
        String a = seeded.results().get(0).id();
        String b = seeded.results().get(1).id();
        String c = seeded.results().get(2).id();
        ObjectNode body = batch("upsert", withId(a, "swap-z"), withId(b, "swap-a"), withId(c, "swap-a"));
        body.put("match", "id");
        BatchResult[] out = new BatchResult[1];
        assertThat(fellBack(() -> out[0] = run("posts", body))).as("decided in bulk").isFalse();
        BatchResult r = out[0];

        // a frees swap-a and b takes it; c asks for it after b: taken
        assertThat(statuses(r)).containsExactly("updated", "updated", "error");
        assertThat(r.results().get(2).code()).isEqualTo("slug_taken");
        assertThat(get("posts", a).path("slug").asText()).isEqualTo("swap-z");
        assertThat(get("posts", b).path("slug").asText()).isEqualTo("swap-a");
        assertThat(get("posts", c).path("slug").asText()).isEqualTo("swap-c");

        ObjectNode unknown = batch("upsert", withId("01JNOSUCHENTRY000000000000", "nowhere"));
        unknown.put("match", "id");
        assertThat(run("posts", unknown).results().getFirst().code()).isEqualTo("entry_not_found");
    }

    private static ObjectNode withId(String id, String slug) {
        ObjectNode e = JSON.createObjectNode().put("id", id).put("slug", slug);
        e.putObject("fields");
        return e;
    }

    @Test
    void updatesWithExpectedVersionsFailAloneWhenTheEntryMovedOn() {
        BatchResult seeded = run("posts", batch("create", item("guarded-a", "A"), item("guarded-b", "B")));
        String a = seeded.results().get(0).id();
        String b = seeded.results().get(1).id();
        entries.update(P, "posts", b, item(null, "B edited meanwhile"), null, null, RichTextFormat.JSON);
        long seq = changes.latest(P);
        BatchResult r = entries.updateAll(P, "posts", List.of(withTitle(a, "A synced"), withTitle(b, "B synced")), List.of(1L, 1L), null);

        assertThat(statuses(r)).containsExactly("updated", "error");
        assertThat(r.results().get(1).code()).isEqualTo("version_mismatch");
        assertThat(get("posts", b).path("fields").path("title").asText()).isEqualTo("B edited meanwhile");
        assertThat(loggedSince(seq)).extracting(Change::entryId).containsExactly(a);
    }

    private static ObjectNode withTitle(String id, String title) {
        ObjectNode e = JSON.createObjectNode().put("id", id);
        e.putObject("fields").put("title", title);
        return e;
    }

    @Test
    void anUpsertBatchNamingOneSlugTwiceCreatesThenUpdates() {
        long seq = changes.latest(P);
        BatchResult[] out = new BatchResult[1];
        assertThat(fellBack(() -> out[0] = run("posts", batch("upsert", item("twice", "First"), item("twice", "Second")))))
                .as("a repeated key is written item by item").isTrue();
        BatchResult r = out[0];
        assertThat(statuses(r)).containsExactly("created", "updated");
        assertThat(r.results().get(1).id()).isEqualTo(r.results().get(0).id());
        assertThat(r.results().get(1).version()).isEqualTo(2);
        assertThat(loggedSince(seq)).extracting(Change::kind, Change::version)
                .containsExactly(tuple("entry.created", 1L), tuple("entry.updated", 2L));
    }

    @Test
    void aUniqueFieldValueTakenInsideTheBatchFailsOnlyThatItem() {
        long seq = changes.latest(P);
        ObjectNode first = item("code-one", "One");
        ((ObjectNode) first.get("fields")).put("code", "X-1");
        ObjectNode second = item("code-two", "Two");
        ((ObjectNode) second.get("fields")).put("code", "X-1");
        ObjectNode third = item("code-three", "Three");
        ((ObjectNode) third.get("fields")).put("code", "X-3");
        BatchResult[] out = new BatchResult[1];
        assertThat(fellBack(() -> out[0] = run("posts", batch("create", first, second, third))))
                .as("the unique index refused the bulk insert: item by item").isTrue();
        BatchResult r = out[0];

        assertThat(statuses(r)).containsExactly("created", "error", "created");
        assertThat(r.results().get(1).code()).isEqualTo("unique_violation");
        assertThat(r.results().get(1).errors()).extracting(FieldError::field).containsExactly("fields.code");
        assertThat(loggedSince(seq)).extracting(Change::entryId).containsExactly(r.results().get(0).id(), r.results().get(2).id());
    }

    @Test
    void aThousandItemsAreWrittenAndLoggedInOrder() {
        long seq = changes.latest(P);
        long before = rows("posts");
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) items.add(item(null, "Bulk " + (i % 400)));
        BatchResult[] out = new BatchResult[1];
        assertThat(fellBack(() -> out[0] = run("posts", batch("create", items.toArray(ObjectNode[]::new))))).isFalse();
        BatchResult r = out[0];

        assertThat(r.failed()).isFalse();
        assertThat(rows("posts")).isEqualTo(before + 1000);
        assertThat(r.results()).extracting(BatchResult.Item::slug).doesNotHaveDuplicates();
        assertThat(r.results().get(0).slug()).isEqualTo("bulk-0");
        assertThat(r.results().get(400).slug()).isEqualTo("bulk-0-2");
        assertThat(r.results().get(800).slug()).isEqualTo("bulk-0-3");
        List<Change> logged = new ArrayList<>(loggedSince(seq));
        assertThat(logged).extracting(Change::entryId).isEqualTo(r.results().stream().map(BatchResult.Item::id).toList());
        var found = entries.list(P, "posts", new dev.vellum.query.ListParams("100", null, null, "title", null, null, "bulk 399"), true,
                RichTextFormat.JSON).get("data");
        assertThat(found.findValuesAsText("slug")).as("the bulk rows are in the search index, slugs included")
                .containsExactlyInAnyOrder("bulk-399", "bulk-399-2");
    }
}
