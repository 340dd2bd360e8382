package dev.vellum.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.VellumException;
import dev.vellum.storage.Dialect;
import dev.vellum.testing.LocalScenarios;
import dev.vellum.testing.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The write path's semantics under concurrency: writes that share a group commit (SQLite) fail only
 * on their own, every acknowledged write is in the log, and change sequences stay gap-free and in
 * commit order under 64 concurrent writers.
 */
abstract class GroupCommitScenarios extends LocalScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "groups";

    private EntryService entries;
    private ChangeLog changes;

    @BeforeAll
    void seed() {
        entries = vellum.services().entries();
        changes = vellum.services().changes();
        vellum.services().projects().create(P, null);
        vellum.services().collections().create(P, JSON.valueToTree(Map.of("id", "notes", "fields", List.of(
                Map.of("id", "n", "type", "number", "integer", true), Map.of("id", "text", "type", "text")))), null);
    }

    private ObjectNode note(int n, String slug) {
        ObjectNode body = JSON.createObjectNode();
        if (slug != null) body.put("slug", slug);
        body.putObject("fields").put("n", n).put("text", "note " + n);
        return body;
    }

    @Test
    void anInvalidWriteInAGroupFailsAloneAndTheOthersCommit() throws Exception {
        String taken = entries.create(P, "notes", note(0, "taken"), null, null, RichTextFormat.JSON).id();
        var existing = entries.create(P, "notes", note(1, null), null, null, RichTextFormat.JSON);
        long seqBefore = changes.latest(P);
        long[] groupsBefore = changes.groupStatistics();
        boolean grouped = vellum.services().database().dialect() == Dialect.SQLITE;

        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            // hold the writer so that every write below queues for the same group
            Future<?> holder = holdTheWriter(pool, release);
            List<Future<String>> valid = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = 100 + i;
                valid.add(pool.submit(() -> entries.create(P, "notes", note(n, null), null, null, RichTextFormat.JSON).id()));
            }
            Future<String> duplicateSlug = pool.submit(() -> entries.create(P, "notes", note(9, "taken"), null, null, RichTextFormat.JSON).id());
            Future<?> staleUpdate = pool.submit(() -> entries.update(P, "notes", existing.id(), note(10, null), 99L, null, RichTextFormat.JSON));
            // an atomic batch whose first item is written before its second fails: its savepoint must undo the first
            ObjectNode atomic = JSON.createObjectNode().put("atomic", true);
            atomic.putArray("entries").add(note(11, "atomic-first")).add(note(12, "taken"));
            Future<dev.vellum.content.BatchResult> atomicBatch = pool.submit(() -> entries.batch(P, "notes", atomic, null));
            if (grouped) Wait.until("eleven writes queued for one group", Duration.ofSeconds(30), () -> changes.queuedWrites() == 11);
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);

            List<String> ids = new ArrayList<>();
            for (Future<String> f : valid) ids.add(f.get(30, TimeUnit.SECONDS));
            assertThat(failure(duplicateSlug)).isInstanceOf(VellumException.Conflict.class);
            assertThat(failure(staleUpdate)).isInstanceOf(VellumException.PreconditionFailed.class);
            assertThat(atomicBatch.get(30, TimeUnit.SECONDS).atomicFailure()).isTrue();
            if (grouped) {
                long[] after = changes.groupStatistics();
                assertThat(after[0] - groupsBefore[0]).as("one group commit held all eleven writes").isEqualTo(1);
                assertThat(after[1] - groupsBefore[1]).isEqualTo(11);
            }
            String table = vellum.services().collections().get(P, "notes").table();
            long leftBehind = vellum.services().database().read(tx -> tx.count(
                    "SELECT COUNT(*) FROM " + table + " WHERE slug = ?", "atomic-first"));
            assertThat(leftBehind).as("the failed atomic batch left nothing behind").isZero();
            List<Change> logged = changes.since(P, seqBefore, 100, true);
            assertThat(logged).extracting(Change::seq).containsExactly(seqBefore + 1, seqBefore + 2, seqBefore + 3, seqBefore + 4,
                    seqBefore + 5, seqBefore + 6, seqBefore + 7, seqBefore + 8);
            assertThat(logged).extracting(Change::entryId).containsExactlyInAnyOrderElementsOf(ids);
            for (String id : ids) assertThat(entries.get(P, "notes", id, true, RichTextFormat.JSON).body().path("fields").path("n").asInt()).isBetween(100, 107);
            assertThat(entries.get(P, "notes", existing.id(), true, RichTextFormat.JSON).version()).as("the stale update wrote nothing").isEqualTo(1);
            assertThat(entries.get(P, "notes", taken, true, RichTextFormat.JSON).body().path("fields").path("n").asInt()).isZero();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aGroupNumbersItsRecordsInTheOrderItsWritesRanAcrossProjects() throws Exception {
        // writes to two projects in one group: each project's records appended at the group's end, numbered in its own sequence
        String other = "groups-" + Long.toHexString(System.nanoTime());
        vellum.services().projects().create(other, null);
        vellum.services().collections().create(other, JSON.valueToTree(Map.of("id", "notes", "fields", List.of(
                Map.of("id", "n", "type", "number", "integer", true), Map.of("id", "text", "type", "text")))), null);
        long otherBefore = changes.latest(other);
        entries.create(P, "notes", note(0, "order-taken"), null, null, RichTextFormat.JSON);
        long seqBefore = changes.latest(P);
        boolean grouped = vellum.services().database().dialect() == Dialect.SQLITE;

        List<String> kinds = List.of("create", "other", "fail", "batch", "create", "other");
        List<java.util.concurrent.Callable<?>> writes = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            int n = 200 + i;
            writes.add(() -> switch (kinds.get(n - 200)) {
                case "create" -> entries.create(P, "notes", note(n, "order-" + n), null, null, RichTextFormat.JSON).id();
                case "other" -> entries.create(other, "notes", note(n, "order-" + n), null, null, RichTextFormat.JSON).id();
                case "fail" -> entries.create(P, "notes", note(n, "order-taken"), null, null, RichTextFormat.JSON).id();
                default -> {
                    ObjectNode batch = JSON.createObjectNode();
                    batch.putArray("entries").add(note(n, "order-" + n + "-a")).add(note(n, "order-" + n + "-b"));
                    yield entries.batch(P, "notes", batch, null);
                }
            });
        }
        inOneGroup(writes, i -> kinds.get(i).equals("fail"), VellumException.Conflict.class);
        List<Change> logged = changes.since(P, seqBefore, 100, true);
        assertThat(logged).extracting(Change::seq).containsExactly(seqBefore + 1, seqBefore + 2, seqBefore + 3, seqBefore + 4);
        List<String> slugs = new ArrayList<>();
        for (Change c : logged) slugs.add(c.data().path("slug").asText());
        if (grouped) assertThat(slugs).as("in the order the writes ran").containsExactly("order-200", "order-203-a", "order-203-b", "order-204");
        else assertThat(slugs).containsExactlyInAnyOrder("order-200", "order-203-a", "order-203-b", "order-204");
        List<Change> elsewhere = changes.since(other, otherBefore, 100, true);
        assertThat(elsewhere).extracting(Change::seq).containsExactly(otherBefore + 1, otherBefore + 2);
        List<String> otherSlugs = elsewhere.stream().map(c -> c.data().path("slug").asText()).toList();
        if (grouped) assertThat(otherSlugs).containsExactly("order-201", "order-205");
        else assertThat(otherSlugs).containsExactlyInAnyOrder("order-201", "order-205");
        for (Change c : logged) {
            // made as text before and during the write: the same JSON as the entry read back
            assertThat(c.data().toString()).as("the record of %s is the entry as stored", c.entryId())
                    .isEqualTo(entries.get(P, "notes", c.entryId(), true, RichTextFormat.JSON).body().toString());
        }
    }

    @Test
    void aWriteThatNeedsItsSeqIsNumberedAfterTheWritesBeforeItInItsGroup() throws Exception {
        // entry writes leave their records to the group's end; a write that needs its seq at once (a publish) appends in
        // its own savepoint, after the records of the writes that ran before it, also when it fails and takes them back
        long seqBefore = changes.latest(P);
        boolean grouped = vellum.services().database().dialect() == Dialect.SQLITE;
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
        List<String> kinds = List.of("create", "needs-seq", "create", "needs-seq-fails", "create");
        List<java.util.concurrent.Callable<?>> writes = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            int n = 300 + i;
            String kind = kinds.get(i);
            writes.add(() -> switch (kind) {
                case "create" -> entries.create(P, "notes", note(n, "seq-" + n), null, null, RichTextFormat.JSON).id();
                default -> changes.write(P, (tx, log) -> {
                    log.record(new Change(0, ChangeKind.SITE_PUBLISHED.wire(), null, null, null, false, null,
                            dev.vellum.time.Timestamps.now(), JSON.createObjectNode().put("slug", kind)), (t, seq) -> {
                        if (kind.endsWith("fails")) throw new java.sql.SQLException("refused after its seq");
                        seen.set(seq);
                    });
                    return kind;
                });
            });
        }
        inOneGroup(writes, i -> kinds.get(i).endsWith("fails"), dev.vellum.storage.SqlErrors.StorageFailure.class);
        List<Change> logged = changes.since(P, seqBefore, 100, true);
        assertThat(logged).extracting(Change::seq).containsExactly(seqBefore + 1, seqBefore + 2, seqBefore + 3, seqBefore + 4);
        List<String> slugs = logged.stream().map(c -> c.data().path("slug").asText()).toList();
        if (grouped) {
            assertThat(slugs).as("numbered in the order the writes ran").containsExactly("seq-300", "needs-seq", "seq-302", "seq-304");
            assertThat(seen.get()).as("the seq the publish was told is its record's").isEqualTo(seqBefore + 2);
        } else {
            assertThat(slugs).containsExactlyInAnyOrder("seq-300", "needs-seq", "seq-302", "seq-304");
        }
    }

    @Test
    void theSearchIndexEndsAsTheGroupsWritesLeftTheEntriesAndForgetsTheFailedOnes() throws Exception {
        // the full-text index is written once, at the group's end: each entry as the group left it, nothing of a write
        // whose savepoint was rolled back, and nothing of an entry deleted in the same group
        var edited = entries.create(P, "notes", text("taken-by-edited", "before quillword"), null, null, RichTextFormat.JSON);
        var doomed = entries.create(P, "notes", text(null, "doomed marrowword"), null, null, RichTextFormat.JSON);
        var renamed = new java.util.concurrent.atomic.AtomicReference<String>();
        boolean grouped = vellum.services().database().dialect() == Dialect.SQLITE;
        // two edits of one entry in one group: on PostgreSQL the writes run side by side, and the second would race the first
        List<String> kinds = grouped ? List.of("create", "edit", "failing-batch", "upsert-twice", "delete", "edit-again")
                : List.of("create", "failing-batch", "upsert-twice", "delete", "edit-again");
        List<java.util.concurrent.Callable<?>> writes = new ArrayList<>();
        for (String kind : kinds) {
            writes.add(() -> switch (kind) {
                case "create" -> entries.create(P, "notes", text(null, "fresh zebraword"), null, null, RichTextFormat.JSON).id();
                case "edit" -> entries.update(P, "notes", edited.id(), text(null, "middle lanternword"), null, null, RichTextFormat.JSON);
                case "failing-batch" -> {
                    // its first item is written (and asks for its index row) before the second fails: both are undone
                    ObjectNode atomic = JSON.createObjectNode().put("atomic", true);
                    atomic.putArray("entries").add(text("ghost-first", "ghostword")).add(text("taken-by-edited", "ghostword too"));
                    var result = entries.batch(P, "notes", atomic, null);
                    if (result.atomicFailure()) throw new VellumException.Conflict("atomic_failed", "the batch failed as a whole");
                    yield result;
                }
                case "upsert-twice" -> {
                    // one write that creates an entry and then edits it (an upsert naming it twice)
                    ObjectNode upsert = JSON.createObjectNode().put("mode", "upsert");
                    upsert.putArray("entries").add(text("twice", "firstword")).add(text("twice", "secondword"));
                    yield entries.batch(P, "notes", upsert, null);
                }
                case "delete" -> {
                    entries.delete(P, "notes", doomed.id(), null, null);
                    yield null;
                }
                default -> entries.update(P, "notes", edited.id(), text(null, "after harborword"), null, null, RichTextFormat.JSON);
            });
        }
        inOneGroup(writes, i -> kinds.get(i).equals("failing-batch"), VellumException.Conflict.class);
        assertThat(searched("zebraword")).hasSize(1);
        assertThat(searched("harborword")).as("the entry as the group's last write left it").containsExactly(edited.id());
        assertThat(searched("lanternword")).as("an edit overwritten in the same group").isEmpty();
        assertThat(searched("fresh")).as("the created entry and no other").hasSize(1);
        assertThat(searched("quillword")).as("the words the entry had before the group").isEmpty();
        assertThat(searched("ghostword")).as("a rolled-back write").isEmpty();
        assertThat(searched("marrowword")).as("an entry deleted in the group").isEmpty();
        assertThat(searched("firstword")).as("an entry created and edited by one write").isEmpty();
        assertThat(searched("secondword")).hasSize(1);
        // a search joins the index with the entries, so it cannot show an index row left by an undone write: look at the rows
        String table = vellum.services().collections().get(P, "notes").table();
        String index = grouped ? table + "_sdoc" : table + "_search";
        long orphans = vellum.services().database().read(tx -> tx.count(
                "SELECT COUNT(*) FROM " + index + " WHERE id NOT IN (SELECT id FROM " + table + ")"));
        assertThat(orphans).as("index rows of entries that do not exist").isZero();
        long unindexed = vellum.services().database().read(tx -> tx.count(
                "SELECT COUNT(*) FROM " + table + " WHERE id NOT IN (SELECT id FROM " + index + ")"));
        assertThat(unindexed).as("entries missing from the index").isZero();
    }

    private ObjectNode text(String slug, String text) {
        ObjectNode body = JSON.createObjectNode();
        if (slug != null) body.put("slug", slug);
        body.putObject("fields").put("n", 1).put("text", text);
        return body;
    }

    private List<String> searched(String words) {
        ObjectNode page = entries.list(P, "notes", new dev.vellum.query.ListParams("50", null, null, null, null, null, words), true,
                RichTextFormat.JSON);
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    /**
     * Runs {@code writes} queued one after another behind a held writer, so that on SQLite one group runs them in this
     * order; the writes {@code fails} names must fail with {@code failure}, the others succeed.
     */
    private void inOneGroup(List<java.util.concurrent.Callable<?>> writes, java.util.function.IntPredicate fails,
                            Class<? extends Throwable> failure) throws Exception {
        boolean grouped = vellum.services().database().dialect() == Dialect.SQLITE;
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writes.size() + 2);
        try {
            Future<?> holder = holdTheWriter(pool, release);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                running.add(pool.submit(writes.get(i)));
                int queued = i + 1;
                if (grouped) Wait.until(queued + " writes queued", Duration.ofSeconds(30), () -> changes.queuedWrites() == queued);
            }
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < running.size(); i++) {
                if (fails.test(i)) assertThat(failure(running.get(i))).isInstanceOf(failure);
                else running.get(i).get(30, TimeUnit.SECONDS);
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** A write transaction on {@code pool} that holds the writer until {@code release}; returns once it holds it. */
    private Future<?> holdTheWriter(ExecutorService pool, CountDownLatch release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> vellum.services().database().write(tx -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holding.await();
        return holder;
    }

    private static Throwable failure(Future<?> f) throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            f.get(30, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void sequencesStayGapFreeAndInCommitOrderUnderSixtyFourWriters() throws Exception {
        long start = changes.latest(P);
        int writers = 64;
        int perWriter = 12;
        AtomicBoolean stop = new AtomicBoolean();
        List<String> readerErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        // a reader of the feed must never see a seq before every lower one is visible
        Thread reader = new Thread(() -> {
            long seen = start;
            while (!stop.get()) {
                for (Change c : changes.since(P, seen, 1000, true)) {
                    if (c.seq() != seen + 1) readerErrors.add("after " + seen + " the feed showed " + c.seq());
                    seen = c.seq();
                }
            }
        }, "feed-reader");
        reader.start();
        Map<Integer, List<String>> acknowledged = new ConcurrentHashMap<>();
        List<List<String>> batches = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    Random r = new Random(writer);
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        if (writer % 8 == 0) {
                            // every eighth writer sends batches (the bulk path): its records are consecutive, in item order
                            ObjectNode batch = JSON.createObjectNode();
                            var items = batch.putArray("entries");
                            for (int k = 0; k < 10; k++) items.add(note(writer * 1000 + i * 10 + k, null));
                            List<String> ids = entries.batch(P, "notes", batch, null).results().stream()
                                    .map(dev.vellum.content.BatchResult.Item::id).toList();
                            batches.add(ids);
                            mine.addAll(ids);
                            continue;
                        }
                        if (r.nextInt(6) == 0) {
                            // an invalid write among the valid ones: a slug another entry holds
                            try {
                                mine.add(entries.create(P, "notes", note(i, "taken-by-" + (writer % 4)), null, null, RichTextFormat.JSON).id());
                            } catch (VellumException.Conflict expected) {
                                // another writer holds it: this write fails alone
                            }
                            continue;
                        }
                        mine.add(entries.create(P, "notes", note(writer * 1000 + i, null), null, null, RichTextFormat.JSON).id());
                    }
                    acknowledged.put(writer, mine);
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            reader.join();
            pool.shutdownNow();
        }
        assertThat(readerErrors).as("the feed never showed a seq ahead of a missing one").isEmpty();

        List<Change> logged = new ArrayList<>();
        long since = start;
        List<Change> page;
        while (!(page = changes.since(P, since, 1000, true)).isEmpty()) {
            logged.addAll(page);
            since = page.getLast().seq();
        }
        for (int i = 0; i < logged.size(); i++) assertThat(logged.get(i).seq()).as("gap-free").isEqualTo(start + 1 + i);
        assertThat(changes.latest(P)).isEqualTo(since);
        Map<String, Long> seqOf = new HashMap<>();
        for (Change c : logged) assertThat(seqOf.put(c.entryId(), c.seq())).as("one change per entry").isNull();
        int total = 0;
        for (var mine : acknowledged.entrySet()) {
            long previous = 0;
            for (String id : mine.getValue()) {
                Long seq = seqOf.get(id);
                assertThat(seq).as("acknowledged write %s is in the log", id).isNotNull();
                // each writer sent its next write only after the previous was acknowledged: commit order
                assertThat(seq).as("writer %d's writes in commit order", mine.getKey()).isGreaterThan(previous);
                previous = seq;
                total++;
            }
        }
        assertThat(logged).as("the log holds exactly the acknowledged writes").hasSize(total);
        assertThat(batches).hasSize(writers / 8 * perWriter);
        for (List<String> batch : batches) {
            for (int k = 1; k < batch.size(); k++) {
                assertThat(seqOf.get(batch.get(k))).as("a batch's records are consecutive, in item order").isEqualTo(seqOf.get(batch.get(0)) + k);
            }
        }
        assertThat(total).isGreaterThan(writers * perWriter / 2);
    }
}
