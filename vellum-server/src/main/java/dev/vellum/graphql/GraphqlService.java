package dev.vellum.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.changes.ChangeLog;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.error.VellumException;
import dev.vellum.query.ListParams;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.CollectionService;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GraphQL over a project's content. The schema is generated from the project's collections and
 * regenerated when one of them changes (checked against the project's change seq on each request, so
 * every node sees a schema change at once); queries are parsed, validated and costed before they run
 * (see {@link QueryLimits}); lists and references go through {@link EntryService}, with REST's draft rules.
 * Automatic persisted queries: a query sent once with its sha256 can then be sent by hash alone.
 */
public final class GraphqlService {
    static final int MAX_PERSISTED = 1_000;
    static final int MAX_DOCUMENTS = 200;

    private final CollectionService collections;
    private final EntryService entries;
    private final ChangeLog changes;
    private final Map<String, ProjectSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, String> persisted = Collections.synchronizedMap(lru(MAX_PERSISTED));

    /** A project's generated schema, what it was made from, and the queries already parsed against it. */
    private record ProjectSchema(long seq, String fingerprint, GraphQLSchema schema, GraphQL graphql, Map<String, Document> documents) {
        ProjectSchema at(long newSeq) {
            return new ProjectSchema(newSeq, fingerprint, schema, graphql, documents);
        }
    }

    public GraphqlService(CollectionService collections, EntryService entries, ChangeLog changes) {
        this.collections = collections;
        this.entries = entries;
        this.changes = changes;
    }

    /** Runs a request; the GraphQL response ({@code data}, {@code errors}) as a map. 400 for a query that cannot run. */
    public Map<String, Object> execute(Viewer viewer, GraphqlRequest request) {
        String query = query(request);
        if (query == null) {
            return Map.of("errors", List.of(Map.of("message", "PersistedQueryNotFound",
                    "extensions", Map.of("code", "PERSISTED_QUERY_NOT_FOUND"))));
        }
        ProjectSchema ps = schemaOf(viewer.projectId());
        Document doc = ps.documents().get(query);
        if (doc == null) {
            doc = QueryLimits.parse(ps.schema(), query);
            ps.documents().put(query, doc);
        }
        QueryLimits.requireAffordable(doc, request.operationName(), request.variables());
        // no data loaders: references are read ahead by the top-level fields (see ReferenceResolver)
        ExecutionInput input = ExecutionInput.newExecutionInput().query(query).operationName(request.operationName())
                .variables(request.variables())
                .graphQLContext(Map.of(Viewer.class, viewer, Document.class, doc))
                .build();
        ExecutionResult result = ps.graphql().execute(input);
        return result.toSpecification();
    }

    /** The query text: as sent, or the persisted one its hash names (null when that hash is unknown here). */
    private String query(GraphqlRequest r) {
        if (r.persistedHash() == null) return r.query();
        String hash = r.persistedHash().toLowerCase(java.util.Locale.ROOT);
        if (r.query() == null) return persisted.get(hash);
        if (!sha256(r.query()).equals(hash)) {
            throw QueryLimits.invalid("persisted_query_hash_mismatch", "extensions.persistedQuery.sha256Hash is not the sha256 of the query");
        }
        if (r.query().length() <= QueryLimits.MAX_CHARACTERS) persisted.put(hash, r.query());
        return r.query();
    }

    private ProjectSchema schemaOf(String projectId) {
        long seq = changes.latest(projectId);
        ProjectSchema cached = schemas.get(projectId);
        if (cached != null && cached.seq() == seq) return cached;
        List<CollectionSchema> current = collections.list(projectId);
        StringBuilder fingerprint = new StringBuilder();
        for (CollectionSchema c : current) fingerprint.append(c.id()).append('@').append(c.version()).append(';');
        ProjectSchema next = cached != null && cached.fingerprint().contentEquals(fingerprint)
                ? cached.at(seq) : build(projectId, current, seq, fingerprint.toString());
        schemas.put(projectId, next);
        return next;
    }

    private ProjectSchema build(String projectId, List<CollectionSchema> current, long seq, String fingerprint) {
        GraphQLSchema schema = new SchemaGenerator(current, new TopLevel(projectId, current)).build();
        GraphQL graphql = GraphQL.newGraphQL(schema)
                .preparsedDocumentProvider((input, parse) -> CompletableFuture.completedFuture(
                        new graphql.execution.preparsed.PreparsedDocumentEntry(input.getGraphQLContext().<Document>get(Document.class))))
                .defaultDataFetcherExceptionHandler(new Errors())
                .build();
        return new ProjectSchema(seq, fingerprint, schema, graphql, Collections.synchronizedMap(lru(MAX_DOCUMENTS)));
    }

    /**
     * The list, by-id and mutation fields, with REST's parameters, draft rules and preview scopes. Each reads its
     * entries with the references selected under them (see {@link ReferenceResolver}), so the fields below read plain values.
     */
    private final class TopLevel implements SchemaGenerator.Resolvers {
        private final String projectId;
        private final ReferenceResolver references;

        TopLevel(String projectId, List<CollectionSchema> collections) {
            this.projectId = projectId;
            this.references = new ReferenceResolver(entries, projectId, collections);
        }

        /** One rendered entry with what the query selects under it. */
        private ResolvedEntry resolved(DataFetchingEnvironment env, String collectionId, ObjectNode body) {
            if (entries.holdsAssets(projectId, collectionId) || entries.holdsRichText(projectId, collectionId)) {
                entries.expandAssets(projectId, body); // image and file fields that name an asset get its url and metadata
            }
            return references.resolve(env.getGraphQlContext().get(Viewer.class), collectionId, List.of(body), Selection.under(env)).getFirst();
        }

        @Override
        public DataFetcher<?> list(String collectionId) {
            return env -> {
                Viewer viewer = env.getGraphQlContext().get(Viewer.class);
                if (!viewer.mayQuery(collectionId, null) || viewer.entry() != null) throw outOfScope();
                Integer limit = env.getArgument("limit");
                Selection page = Selection.under(env);
                Selection selected = page.of("data"); // what is selected of each entry (all aliases of data merged)
                ListParams params = new ListParams(limit == null ? null : limit.toString(), env.getArgument("cursor"),
                        env.getArgument("sort"), references.projection(collectionId, selected), page.has("total") ? "true" : null,
                        env.getArgument("filter"), env.getArgument("search"));
                ObjectNode read = entries.list(projectId, collectionId, params, viewer.draftsOf(collectionId), RichTextFormat.JSON);
                if (entries.holdsAssets(projectId, collectionId) || entries.holdsRichText(projectId, collectionId)) {
                    entries.expandAssets(projectId, read); // image and file fields that name an asset get its url and metadata
                }
                List<JsonNode> rendered = new ArrayList<>(read.get("data").size());
                read.get("data").forEach(rendered::add);
                JsonNode next = read.get("next_cursor");
                JsonNode total = read.get("total");
                return new EntryPage(references.resolve(viewer, collectionId, rendered, selected),
                        next == null || next.isNull() ? null : next.textValue(), total == null || total.isNull() ? null : total.longValue());
            };
        }

        @Override
        public DataFetcher<?> create(String collectionId) {
            return env -> {
                String token = env.getGraphQlContext().<Viewer>get(Viewer.class).writer();
                return resolved(env, collectionId, entries.create(projectId, collectionId, data(env), token, null, RichTextFormat.JSON).body());
            };
        }

        @Override
        public DataFetcher<?> update(String collectionId) {
            return env -> {
                String token = env.getGraphQlContext().<Viewer>get(Viewer.class).writer();
                Integer version = env.getArgument("version");
                ObjectNode body = entries.update(projectId, collectionId, env.getArgument("id"), data(env),
                        version == null ? null : version.longValue(), token, RichTextFormat.JSON).body();
                return resolved(env, collectionId, body);
            };
        }

        @Override
        public DataFetcher<?> delete(String collectionId) {
            return env -> {
                String token = env.getGraphQlContext().<Viewer>get(Viewer.class).writer();
                Integer version = env.getArgument("version");
                String id = env.getArgument("id");
                entries.delete(projectId, collectionId, id, version == null ? null : version.longValue(), token);
                return id;
            };
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode withAssetSources(com.fasterxml.jackson.databind.JsonNode storedRichText) {
            return entries.withAssetSources(projectId, storedRichText);
        }

        @Override
        public DataFetcher<?> byId(String collectionId) {
            return env -> {
                Viewer viewer = env.getGraphQlContext().get(Viewer.class);
                String id = env.getArgument("id");
                if (!viewer.mayQuery(collectionId, id)) throw outOfScope();
                ObjectNode body;
                try {
                    body = entries.get(projectId, collectionId, id, viewer.draftsOf(collectionId), RichTextFormat.JSON).body();
                } catch (VellumException.NotFound e) {
                    if (e.code().equals("entry_not_found")) return null;
                    throw e;
                }
                return resolved(env, collectionId, body);
            };
        }
    }

    /** A mutation's {@code data}: REST's entry body, an object. */
    private static com.fasterxml.jackson.databind.JsonNode data(graphql.schema.DataFetchingEnvironment env) {
        Object data = env.getArgument("data");
        if (!(data instanceof ObjectNode o)) {
            throw new VellumException.Invalid("validation_failed", "The entry is not valid",
                    List.of(new dev.vellum.error.FieldError("data", "type_mismatch", "must be an object: {\"slug\"?, \"draft\"?, \"fields\": {…}}")));
        }
        return o;
    }

    private static VellumException outOfScope() {
        return new VellumException.Forbidden("preview_scope", "This preview token does not cover this collection or entry");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
