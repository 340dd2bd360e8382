package dev.vellum.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;

/** {@code JSON}: any JSON value, for rich-text documents and values without a fixed shape. Output only. */
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
                    throw new CoercingParseValueException("JSON is an output type");
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    throw new CoercingParseLiteralException("JSON is an output type");
                }
            })
            .build();

    private JsonScalar() {}
}
