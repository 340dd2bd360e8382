package dev.vellum.graphql;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.content.RichTextFormat;
import dev.vellum.schema.ArrayType;
import dev.vellum.schema.BooleanType;
import dev.vellum.schema.CollectionSchema;
import dev.vellum.schema.Field;
import dev.vellum.schema.FieldType;
import dev.vellum.schema.FileType;
import dev.vellum.schema.ImageType;
import dev.vellum.schema.MultiEnumType;
import dev.vellum.schema.NumberType;
import dev.vellum.schema.ReferenceType;
import dev.vellum.schema.ReferencesType;
import dev.vellum.schema.RichTextType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetcherFactories;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeReference;
import graphql.schema.LightDataFetcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds a project's GraphQL schema from its collection schemas: per collection an entry type, a page
 * type, a list field {@code <c>(filter, sort, limit, cursor, search)} and {@code <c>_by_id(id)}. Field
 * values resolve from the entries' JSON as REST renders it; references from what {@link ReferenceResolver} read beforehand.
 */
final class SchemaGenerator {
    static final String IMAGE = "Image";
    static final String FILE = "File";
    static final Set<String> SYSTEM = Set.of("id", "slug", "draft", "version", "created_at", "updated_at", "publish_at");

    private static final GraphQLEnumType FORMAT = GraphQLEnumType.newEnum().name("RichTextFormat")
            .description("How a rich-text field is returned: the document JSON, or an HTML or Markdown string")
            .value("json", RichTextFormat.JSON).value("html", RichTextFormat.HTML).value("markdown", RichTextFormat.MARKDOWN).build();

    private final Resolvers resolvers;
    private final Map<String, CollectionSchema> byId = new TreeMap<>();
    private final GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry()
            .defaultDataFetcher(DataFetcherFactories.useDataFetcher(PROPERTY));

    SchemaGenerator(List<CollectionSchema> collections, Resolvers resolvers) {
        this.resolvers = resolvers;
        for (CollectionSchema c : collections) byId.put(c.id(), c);
    }

    GraphQLSchema build() {
        GraphQLObjectType.Builder query = GraphQLObjectType.newObject().name("Query")
                .description("One list field and one _by_id field per collection of the project");
        query.field(newFieldDefinition().name("_collections").type(nonNull(list(nonNull(GraphQLString))))
                .description("The ids of the project's collections"));
        DataFetcher<List<String>> ids = env -> List.copyOf(byId.keySet());
        code.dataFetcher(FieldCoordinates.coordinates("Query", "_collections"), ids);
        GraphQLSchema.Builder schema = GraphQLSchema.newSchema();
        for (CollectionSchema c : byId.values()) {
            schema.additionalType(entryType(c));
            schema.additionalType(pageType(c));
            query.field(newFieldDefinition().name(Names.list(c.id())).type(nonNull(GraphQLTypeReference.typeRef(Names.page(c.id()))))
                    .description("Entries of " + c.id() + ", a page at a time (as GET …/collections/" + c.id() + "/entries)")
                    .argument(newArgument().name("filter").type(GraphQLString).description("The filter language of REST's ?filter="))
                    .argument(newArgument().name("sort").type(GraphQLString).description("As REST's ?sort=, e.g. \"-created_at,title\""))
                    .argument(newArgument().name("limit").type(GraphQLInt).description("1 to 500; default 50"))
                    .argument(newArgument().name("cursor").type(GraphQLString).description("next_cursor of the previous page"))
                    .argument(newArgument().name("search").type(GraphQLString).description("Full-text search, as REST's ?search=: words (all must match), \"phrases\", prefix*; "
                            + "without a sort, the most relevant first")));
            code.dataFetcher(FieldCoordinates.coordinates("Query", Names.list(c.id())), resolvers.list(c.id()));
            query.field(newFieldDefinition().name(Names.byId(c.id())).type(GraphQLTypeReference.typeRef(Names.type(c.id())))
                    .argument(newArgument().name("id").type(nonNull(GraphQLID))));
            code.dataFetcher(FieldCoordinates.coordinates("Query", Names.byId(c.id())), resolvers.byId(c.id()));
        }
        schema.additionalType(GraphQLObjectType.newObject().name(IMAGE)
                .description("An image value; one that names an uploaded asset carries the asset's metadata")
                .field(newFieldDefinition().name("url").type(GraphQLString).description("null only for a deleted asset"))
                .field(newFieldDefinition().name("alt").type(GraphQLString))
                .field(newFieldDefinition().name("width").type(GraphQLInt))
                .field(newFieldDefinition().name("height").type(GraphQLInt))
                .fields(assetFields()).build());
        schema.additionalType(GraphQLObjectType.newObject().name(FILE)
                .description("A file value; one that names an uploaded asset carries the asset's metadata")
                .field(newFieldDefinition().name("url").type(GraphQLString).description("null only for a deleted asset"))
                .field(newFieldDefinition().name("name").type(GraphQLString))
                .field(newFieldDefinition().name("size").type(GraphQLFloat))
                .field(newFieldDefinition().name("content_type").type(GraphQLString))
                .field(newFieldDefinition().name("width").type(GraphQLInt))
                .field(newFieldDefinition().name("height").type(GraphQLInt))
                .fields(assetFields().stream().filter(f -> !f.getName().equals("content_type") && !f.getName().equals("size")).toList())
                .build());
        if (!byId.isEmpty()) schema.mutation(mutations());
        return schema.query(query.build()).codeRegistry(code.build()).build();
    }

    /**
     * Per collection {@code create_<c>_item(data)}, {@code update_<c>_item(id, data, version)} and
     * {@code delete_<c>_item(id, version)}, through the same entry service as REST (validation, change log);
     * {@code data} is REST's body: {@code {"slug"?, "draft"?, "publish_at"?, "fields": {…}}}.
     */
    private GraphQLObjectType mutations() {
        GraphQLObjectType.Builder m = GraphQLObjectType.newObject().name("Mutation")
                .description("Writes, with a write token and POST: the same validation, rules and change log as REST");
        for (CollectionSchema c : byId.values()) {
            String base = Names.type(c.id());
            var entry = GraphQLTypeReference.typeRef(Names.type(c.id()));
            m.field(newFieldDefinition().name("create_" + base + "_item").type(entry)
                    .description("Creates an entry of " + c.id() + " (as POST …/entries)")
                    .argument(newArgument().name("data").type(nonNull(JsonScalar.JSON)).description("{\"slug\"?, \"draft\"?, \"fields\": {…}}")));
            m.field(newFieldDefinition().name("update_" + base + "_item").type(entry)
                    .description("Changes the fields it is given (as PATCH …/entries/{id})")
                    .argument(newArgument().name("id").type(nonNull(GraphQLID)))
                    .argument(newArgument().name("data").type(nonNull(JsonScalar.JSON)))
                    .argument(newArgument().name("version").type(GraphQLInt).description("As If-Match: refused when the entry moved on")));
            m.field(newFieldDefinition().name("delete_" + base + "_item").type(GraphQLID)
                    .description("Deletes an entry (as DELETE …/entries/{id}); returns its id")
                    .argument(newArgument().name("id").type(nonNull(GraphQLID)))
                    .argument(newArgument().name("version").type(GraphQLInt)));
            code.dataFetcher(FieldCoordinates.coordinates("Mutation", "create_" + base + "_item"), resolvers.create(c.id()));
            code.dataFetcher(FieldCoordinates.coordinates("Mutation", "update_" + base + "_item"), resolvers.update(c.id()));
            code.dataFetcher(FieldCoordinates.coordinates("Mutation", "delete_" + base + "_item"), resolvers.delete(c.id()));
        }
        return m.build();
    }

    /** What an image or file value that names an asset ({@code {"asset": id}}) carries, as REST renders it. */
    private static List<graphql.schema.GraphQLFieldDefinition> assetFields() {
        return List.of(
                newFieldDefinition().name("asset").type(GraphQLID).description("The asset's id, for a value that names one").build(),
                newFieldDefinition().name("filename").type(GraphQLString).description("The asset's file name").build(),
                newFieldDefinition().name("content_type").type(GraphQLString).description("The asset's media type").build(),
                newFieldDefinition().name("size").type(GraphQLFloat).description("The asset's size in bytes").build(),
                newFieldDefinition().name("missing").type(GraphQLBoolean).description("true when the named asset was deleted").build());
    }

    private GraphQLObjectType pageType(CollectionSchema c) {
        return GraphQLObjectType.newObject().name(Names.page(c.id()))
                .field(newFieldDefinition().name("data").type(nonNull(list(nonNull(GraphQLTypeReference.typeRef(Names.type(c.id())))))))
                .field(newFieldDefinition().name("next_cursor").type(GraphQLString).description("null on the last page"))
                .field(newFieldDefinition().name("total").type(GraphQLInt).description("Entries matching the filter (counted only when asked for)"))
                .build();
    }

    private GraphQLObjectType entryType(CollectionSchema c) {
        String type = Names.type(c.id());
        GraphQLObjectType.Builder t = GraphQLObjectType.newObject().name(type)
                .description(c.description() == null || c.description().isBlank() ? c.name() : c.description())
                .field(newFieldDefinition().name("id").type(nonNull(GraphQLID)))
                .field(newFieldDefinition().name("slug").type(GraphQLString))
                .field(newFieldDefinition().name("draft").type(nonNull(GraphQLBoolean)))
                .field(newFieldDefinition().name("version").type(nonNull(GraphQLInt)))
                .field(newFieldDefinition().name("created_at").type(nonNull(GraphQLString)))
                .field(newFieldDefinition().name("updated_at").type(nonNull(GraphQLString)))
                .field(newFieldDefinition().name("publish_at").type(GraphQLString));
        for (Field f : c.fields()) {
            if (SYSTEM.contains(f.id())) continue;
            var def = newFieldDefinition().name(f.id()).type(output(f.type(), true));
            if (f.description() != null) def.description(f.description());
            if (f.type() instanceof RichTextType || f.type() instanceof ArrayType a && a.of() instanceof RichTextType) {
                def.argument(newArgument().name("format").type(FORMAT).defaultValueLiteral(graphql.language.EnumValue.newEnumValue("json").build()));
            }
            t.field(def);
            code.dataFetcher(FieldCoordinates.coordinates(type, f.id()), fetcher(f));
        }
        return t.build();
    }

    private GraphQLOutputType output(FieldType t, boolean resolveReferences) {
        return switch (t) {
            case NumberType n -> n.integer() ? GraphQLInt : GraphQLFloat;
            case BooleanType b -> GraphQLBoolean;
            case MultiEnumType m -> list(nonNull(GraphQLString));
            case ImageType i -> GraphQLTypeReference.typeRef(IMAGE);
            case FileType f -> GraphQLTypeReference.typeRef(FILE);
            case RichTextType r -> JsonScalar.JSON;
            case ReferenceType r -> resolveReferences && byId.containsKey(r.collection())
                    ? GraphQLTypeReference.typeRef(Names.type(r.collection())) : GraphQLID;
            case ReferencesType r -> list(nonNull(resolveReferences && byId.containsKey(r.collection())
                    ? GraphQLTypeReference.typeRef(Names.type(r.collection())) : GraphQLID));
            case ArrayType a -> list(output(a.of(), false));
            default -> GraphQLString; // text, date, enum, color, link
        };
    }

    /**
     * A field's fetcher. Fields read their entry ({@link ResolvedEntry}: references are resolved before its fields run),
     * so all but rich text (which takes a {@code format}) are light: graphql-java builds no environment for them.
     */
    private DataFetcher<?> fetcher(Field f) {
        String id = f.id();
        return switch (f.type()) {
            case RichTextType r -> env -> FieldValues.richText(sources(value(env.getSource(), id), format(env)), format(env));
            case ArrayType a when a.of() instanceof RichTextType -> env -> {
                JsonNode v = value(env.getSource(), id);
                if (v == null || !v.isArray()) return null;
                List<Object> out = new ArrayList<>();
                for (JsonNode item : sources(v, format(env))) out.add(FieldValues.richText(item, format(env)));
                return out;
            };
            case ReferenceType r when byId.containsKey(r.collection()) -> light(source -> reference(source, id));
            case ReferencesType r when byId.containsKey(r.collection()) -> light(source -> reference(source, id)); // hidden drafts left out
            default -> light(source -> FieldValues.plain(value(source, id)));
        };
    }

    private static JsonNode value(Object source, String fieldId) {
        return source instanceof ResolvedEntry e ? e.field(fieldId) : null;
    }

    private static Object reference(Object source, String fieldId) {
        return source instanceof ResolvedEntry e ? e.reference(fieldId) : null;
    }

    /** A fetcher that reads only its source object: graphql-java then builds no {@link DataFetchingEnvironment} for the field. */
    private static LightDataFetcher<Object> light(Function<Object, Object> read) {
        return new LightDataFetcher<>() {
            @Override
            public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) {
                return read.apply(source);
            }

            @Override
            public Object get(DataFetchingEnvironment env) {
                return read.apply(env.getSource());
            }
        };
    }

    private static RichTextFormat format(DataFetchingEnvironment env) {
        RichTextFormat f = env.getArgument("format");
        return f == null ? RichTextFormat.JSON : f;
    }

    /**
     * Fields without a fetcher of their own read their source's property of the same name: an entry's system attributes,
     * a page's {@code data}, {@code next_cursor} and {@code total}, an image's or file's values.
     */
    private static final LightDataFetcher<Object> PROPERTY = new LightDataFetcher<>() {
        @Override
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) {
            return property(source, field.getName());
        }

        @Override
        public Object get(DataFetchingEnvironment env) {
            return property(env.getSource(), env.getFieldDefinition().getName());
        }
    };

    private static Object property(Object source, String name) {
        return switch (source) {
            case ResolvedEntry e -> FieldValues.plain(e.json().get(name));
            case EntryPage p -> p.property(name);
            case JsonNode node -> FieldValues.plain(node.get(name));
            case null, default -> null;
        };
    }

    /** The resolvers of the top-level fields. */
    interface Resolvers {
        DataFetcher<?> list(String collectionId);

        DataFetcher<?> byId(String collectionId);

        DataFetcher<?> create(String collectionId);

        DataFetcher<?> update(String collectionId);

        DataFetcher<?> delete(String collectionId);

        /** A stored rich-text value whose asset images carry their URLs, for rendering as HTML or Markdown. */
        JsonNode withAssetSources(JsonNode storedRichText);
    }

    private JsonNode sources(JsonNode stored, RichTextFormat format) {
        return stored == null || stored.isNull() || format == RichTextFormat.JSON ? stored : resolvers.withAssetSources(stored);
    }
}
