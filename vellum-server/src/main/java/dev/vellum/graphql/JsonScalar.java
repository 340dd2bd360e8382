package dev.vellum.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;

/**
 * {@code JSON}: any JSON value, for rich-text documents and values without a fixed shape; as an input (the
 * {@code data} of mutations) a variable's value or a GraphQL literal (objects, lists, strings, numbers, booleans, null).
 */
final class JsonScalar {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value (a rich-text document, or the HTML or Markdown string asked for)")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    return value instanceof JsonNode node ? MAPPER.convertValue(node, Object.class) : value;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return MAPPER.valueToTree(input);
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    return MAPPER.valueToTree(literal(input, variables));
                }
            })
            .build();

    private JsonScalar() {}

    /** A GraphQL literal as plain Java values (maps, lists, strings, numbers, booleans, null). */
    private static Object literal(Value<?> v, CoercedVariables variables) {
        return switch (v) {
            case graphql.language.ObjectValue o -> {
                java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
                for (graphql.language.ObjectField f : o.getObjectFields()) out.put(f.getName(), literal(f.getValue(), variables));
                yield out;
            }
            case graphql.language.ArrayValue a -> a.getValues().stream().map(x -> literal(x, variables)).toList();
            case graphql.language.StringValue s -> s.getValue();
            case graphql.language.IntValue i -> i.getValue();
            case graphql.language.FloatValue f -> f.getValue();
            case graphql.language.BooleanValue b -> b.isValue();
            case graphql.language.EnumValue e -> e.getName();
            case graphql.language.VariableReference r -> variables.get(r.getName());
            case graphql.language.NullValue n -> null;
            default -> throw new CoercingParseLiteralException("not a JSON value: " + v);
        };
    }
}
