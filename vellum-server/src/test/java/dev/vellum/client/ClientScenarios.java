package dev.vellum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Java client against a real server: every resource group it has, the typed errors as the server
 * really sends them, and paging through 10,000 entries. Run on SQLite and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientScenarios {
    static final CollectionSpec POSTS = CollectionSpec.of("posts",
                    FieldSpec.of("title", "text").withName("Title").asRequired().withOption("max_length", 120),
                    FieldSpec.of("views", "number").withOption("integer", true).withOption("min", 0),
                    FieldSpec.of("status", "enum").withOption("options", List.of("draft", "live")))
            .withName("Blog posts").withSlugFrom("title");

    protected Backend backend;
    protected TestServer server;
    protected VellumClient instanceAdmin;
    private final List<VellumClient> clients = new ArrayList<>();

    protected abstract Backend newBackend();

    @BeforeAll
    void startServer() {
        backend = newBackend();
        server = new TestServer(backend);
        instanceAdmin = client(Backend.ADMIN_TOKEN);
    }

    @AfterAll
    void stopServer() {
        clients.forEach(VellumClient::close);
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    protected VellumClient client(String token) {
        VellumClient c = VellumClient.builder().baseUrl(server.base()).token(token).build();
        clients.add(c);
        return c;
    }

    /** A new project with a unique id, and a client holding an admin token of it. */
    protected VellumClient newProject(String id) {
        instanceAdmin.projects().create(id, null);
        return client(instanceAdmin.tokens(id).issue("admin", Scope.ADMIN).secret());
    }

    /** The entries of a new project's {@link #POSTS} collection, written with an admin token. */
    protected EntriesApi postsInNewProject(String prefix) {
        String p = unique(prefix);
        VellumClient admin = newProject(p);
        admin.collections(p).create(POSTS);
        return admin.entries(p, "posts");
    }

    /** The call fails with {@code type} and the stable {@code code}. */
    static void assertFails(ThrowingCallable call, Class<? extends VellumApiException> type, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> assertThat(e.code()).isEqualTo(code));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }

    @Test
    void projectsAndTokens() {
        String p = unique("acme");
        Project created = instanceAdmin.projects().create(p, "Acme");
        assertThat(created.name()).isEqualTo("Acme");
        assertThat(created.createdAt()).isNotNull();
        assertThat(instanceAdmin.projects().list()).extracting(Project::id).contains(p);
        assertThat(instanceAdmin.projects().get(p)).isEqualTo(created);
        assertFails(() -> instanceAdmin.projects().create(p, "Again"), VellumApiException.Conflict.class, "project_exists");

        TokensApi tokens = instanceAdmin.tokens(p);
        IssuedToken site = tokens.issue("site", Scope.READ);
        assertThat(site.secret()).startsWith("vlm_");
        assertThat(site.token().scope()).isEqualTo(Scope.READ);
        assertThat(tokens.list()).extracting(Token::id).contains(site.token().id());
        assertThat(tokens.get(site.token().id()).name()).isEqualTo("site");

        VellumClient reader = client(site.secret());
        assertThat(reader.collections(p).list()).isEmpty();
        assertFails(() -> reader.collections(p).create(POSTS), VellumApiException.Forbidden.class, "insufficient_scope");
        assertThatThrownBy(() -> reader.projects().list()).isInstanceOf(VellumApiException.Forbidden.class);

        IssuedToken rotated = tokens.rotate(site.token().id());
        assertThat(client(rotated.secret()).collections(p).list()).isEmpty();
        assertFails(() -> reader.collections(p).list(), VellumApiException.Unauthorized.class, "invalid_token");

        tokens.revoke(site.token().id());
        assertThat(tokens.get(site.token().id()).revoked()).isTrue();
        assertThatThrownBy(() -> client(rotated.secret()).collections(p).list()).isInstanceOf(VellumApiException.Unauthorized.class);
        assertFails(() -> tokens.get("no-such-token"), VellumApiException.NotFound.class, "token_not_found");
    }

    @Test
    void collectionsCreateReadChangeAndDelete() {
        String p = unique("schema");
        CollectionsApi collections = newProject(p).collections(p);
        Collection posts = collections.create(POSTS);
        assertThat(posts.version()).isEqualTo(1);
        assertThat(posts.field("title").orElseThrow().maxLength()).hasValue(120);
        assertThat(posts.field("status").orElseThrow().choices()).containsExactly("draft", "live");
        assertThat(collections.get("posts")).isEqualTo(posts);
        assertThat(collections.list()).extracting(Collection::id).containsExactly("posts");
        assertFails(() -> collections.create(POSTS), VellumApiException.Conflict.class, "collection_exists");

        List<FieldSpec> fields = new ArrayList<>(posts.fields());
        fields.set(1, FieldSpec.of("hits", "number").withOption("integer", true).renamedFrom("views"));
        fields.add(FieldSpec.of("summary", "text"));
        Collection changed = collections.update(posts.spec().withFields(fields));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.fields()).extracting(FieldSpec::id).containsExactly("title", "hits", "status", "summary");

        List<FieldSpec> withoutSummary = changed.fields().stream().filter(f -> !f.id().equals("summary")).toList();
        Collection removed = collections.update(changed.spec().withFields(withoutSummary), Map.of("summary", SchemaResolution.discard()));
        assertThat(removed.field("summary")).isEmpty();

        collections.delete("posts");
        assertFails(() -> collections.get("posts"), VellumApiException.NotFound.class, "collection_not_found");
    }

    @Test
    void entriesCreateReadPatchAndDelete() {
        EntriesApi posts = postsInNewProject("entries");

        Entry hello = posts.create(EntryInput.of(Map.of("title", "Hello", "views", 3, "status", "live")).withSlug("hello"));
        assertThat(hello.version()).isEqualTo(1);
        assertThat(hello.slug()).isEqualTo("hello");
        assertThat(posts.get(hello.id())).isEqualTo(hello);
        assertThat(posts.get(hello.id()).integer("views")).isEqualTo(3L);

        Entry patched = posts.patch(hello.id(), EntryInput.of(Map.of("views", 4)), 1);
        assertThat(patched.version()).isEqualTo(2);
        assertThat(patched.integer("views")).isEqualTo(4L);
        assertThat(patched.text("title")).isEqualTo("Hello");
        assertFails(() -> posts.patch(hello.id(), EntryInput.of(Map.of("views", 99)), 1),
                VellumApiException.PreconditionFailed.class, "version_mismatch");
        assertThat(posts.get(hello.id()).integer("views")).as("a stale patch writes nothing").isEqualTo(4L);
        assertThat(posts.patch(hello.id(), EntryInput.of(Map.of("status", "draft"))).version()).isEqualTo(3);

        assertFails(() -> posts.create(EntryInput.of(Map.of("title", "Other")).withSlug("hello")),
                VellumApiException.Conflict.class, "slug_taken");

        Entry first = posts.create(EntryInput.of(Map.of("title", "Once")), "key-once");
        Entry replayed = posts.create(EntryInput.of(Map.of("title", "Once")), "key-once");
        assertThat(replayed.id()).isEqualTo(first.id());
        assertThat(posts.stream(ListOptions.DEFAULT).filter(e -> "Once".equals(e.text("title")))).hasSize(1);
        assertFails(() -> posts.create(EntryInput.of(Map.of("title", "Twice")), "key-once"),
                VellumApiException.ValidationFailed.class, "idempotency_key_reused");

        assertThatThrownBy(() -> posts.delete(hello.id(), 1)).isInstanceOf(VellumApiException.PreconditionFailed.class);
        posts.delete(hello.id(), 3);
        assertFails(() -> posts.get(hello.id()), VellumApiException.NotFound.class, "entry_not_found");
    }

    @Test
    void validationFailuresComeAsOneExceptionWithEveryFieldPath() {
        EntriesApi posts = postsInNewProject("invalid");
        assertThatThrownBy(() -> posts.create(EntryInput.of(Map.of("views", -1, "status", "nope"))))
                .isInstanceOfSatisfying(VellumApiException.ValidationFailed.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("validation_failed");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.errors()).extracting(FieldError::field, FieldError::code).contains(
                            org.assertj.core.groups.Tuple.tuple("fields.title", "required"),
                            org.assertj.core.groups.Tuple.tuple("fields.views", "too_small"),
                            org.assertj.core.groups.Tuple.tuple("fields.status", "not_an_option"));
                });
    }

    @Test
    void batchesReportEachItem() {
        EntriesApi posts = postsInNewProject("batch");

        BatchResult mixed = posts.batch(BatchRequest.create(List.of(EntryInput.of(Map.of("title", "A")).withSlug("a"),
                EntryInput.of(Map.of("views", 1)), EntryInput.of(Map.of("title", "C")).withSlug("c"))));
        assertThat(mixed.rolledBack()).isFalse();
        assertThat(mixed.results()).extracting(BatchResult.Item::status).containsExactly("created", "error", "created");
        assertThat(mixed.results().get(1).errors()).extracting(FieldError::field).contains("entries[1].fields.title");
        assertThat(mixed.ids()).hasSize(2);

        BatchResult upserted = posts.batch(BatchRequest.upsert(List.of(EntryInput.of(Map.of("title", "A2")).withSlug("a"),
                EntryInput.of(Map.of("title", "D")).withSlug("d"))));
        assertThat(upserted.results()).extracting(BatchResult.Item::status).containsExactly("updated", "created");
        assertThat(posts.get(mixed.ids().getFirst()).text("title")).isEqualTo("A2");

        BatchResult atomic = posts.batch(BatchRequest.create(List.of(EntryInput.of(Map.of("title", "E")).withSlug("e"),
                EntryInput.of(Map.of("views", -5)))).asAtomic());
        assertThat(atomic.rolledBack()).isTrue();
        assertThat(atomic.results()).extracting(BatchResult.Item::status).containsExactly("rolled_back", "error");
        assertThat(posts.list(ListOptions.builder().includeTotal(true).build()).total()).as("nothing written").isEqualTo(3);
    }

    @Test
    void theIteratorPagesTenThousandEntriesExactlyOnceEach() {
        String p = unique("paging");
        VellumClient admin = newProject(p);
        admin.collections(p).create(CollectionSpec.of("items", FieldSpec.of("n", "number").withOption("integer", true)));
        EntriesApi items = admin.entries(p, "items");
        Set<String> created = new HashSet<>();
        for (int batch = 0; batch < 10; batch++) {
            int from = batch * 1000;
            List<EntryInput> inputs = IntStream.range(from, from + 1000).mapToObj(n -> EntryInput.of(Map.of("n", n))).toList();
            BatchResult r = items.batch(BatchRequest.create(inputs));
            assertThat(r.failed()).isFalse();
            created.addAll(r.ids());
        }
        assertThat(created).hasSize(10_000);

        List<String> seen = new ArrayList<>();
        for (Entry e : items.iterate(ListOptions.builder().limit(500).build())) seen.add(e.id());
        assertThat(seen).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(created);

        List<Long> descending = items.stream(ListOptions.builder().sort("-n").fields("n").build()).map(e -> e.integer("n")).toList();
        assertThat(descending).isEqualTo(IntStream.range(0, 10_000).mapToObj(i -> (long) (9_999 - i)).toList());
        assertThat(items.list(ListOptions.builder().limit(1).includeTotal(true).build()).total()).isEqualTo(10_000);
        Entry some = items.list(ListOptions.builder().limit(1).sort("-n").build()).data().getFirst();
        EntryPage found = items.list(ListOptions.builder().search(some.slug()).includeTotal(true).build()); // slugs are indexed
        assertThat(found.data()).extracting(Entry::id).containsExactly(some.id());

        List<Change> changes = admin.changes(p).stream(0).toList();
        assertThat(changes).extracting(Change::seq).isEqualTo(IntStream.rangeClosed(1, changes.size()).mapToObj(i -> (long) i).toList());
        assertThat(changes.stream().filter(c -> c.kind().equals("entry.created")).map(Change::entryId)).hasSize(10_000)
                .containsExactlyInAnyOrderElementsOf(created);
    }
}
