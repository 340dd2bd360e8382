package dev.vellum.graphql;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a query may cost, checked before anything runs, so a hostile query is a fast 400: its size
 * (characters, tokens), its depth and number of fields (fragments expanded), and its cost: one per
 * field, {@link #LIST_COST} per top-level field (each runs a query), a list field's selection times its
 * {@code limit} (default 50, at most 500), a nested object's selection times {@link #REFERENCES_FACTOR}.
 */
final class QueryLimits {
    static final int MAX_CHARACTERS = 20_000;
    static final int MAX_TOKENS = 5_000;
    static final int MAX_DEPTH = 15; // the standard introspection query nests ofType deeply
    static final int MAX_FIELDS = 500;
    static final long MAX_COST = 20_000;
    /** What running one top-level list (a query of its own) costs besides its fields. */
    static final int LIST_COST = 100;
    static final int REFERENCES_FACTOR = 10;
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private static final ParserOptions PARSER = ParserOptions.newParserOptions().maxCharacters(MAX_CHARACTERS).maxTokens(MAX_TOKENS)
            .maxWhitespaceTokens(50_000).maxRuleDepth(200).captureSourceLocation(true).captureIgnoredChars(false)
            .captureLineComments(false).build();
    private static final graphql.validation.QueryComplexityLimits DEPTH_AND_FIELDS =
            graphql.validation.QueryComplexityLimits.newLimits().maxDepth(MAX_DEPTH).maxFieldsCount(MAX_FIELDS).build();

    private QueryLimits() {}

    /** Parses and validates {@code query} against {@code schema}; 400 with the reason otherwise. */
    static Document parse(GraphQLSchema schema, String query) {
        if (query == null || query.isBlank()) throw invalid("graphql_query_required", "Send a GraphQL query in \"query\"");
        if (query.length() > MAX_CHARACTERS) {
            throw invalid("graphql_too_large", "The query is longer than " + MAX_CHARACTERS + " characters");
        }
        Document doc;
        try {
            doc = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(PARSER).build());
        } catch (graphql.parser.exceptions.ParseCancelledException e) {
            throw invalid("graphql_too_large", e.getMessage());
        } catch (InvalidSyntaxException e) {
            throw invalid("graphql_syntax_error", e.getMessage());
        }
        List<ValidationError> errors = graphql.ParseAndValidate.validate(schema, doc, rule -> true, Locale.ENGLISH, DEPTH_AND_FIELDS);
        if (!errors.isEmpty()) {
            boolean limit = errors.stream().anyMatch(e -> e.getValidationErrorType() == ValidationErrorType.MaxQueryDepthExceeded
                    || e.getValidationErrorType() == ValidationErrorType.MaxQueryFieldsExceeded);
            String code = limit ? "graphql_too_complex" : "graphql_invalid";
            throw new VellumException.BadRequest(code, errors.getFirst().getMessage(),
                    errors.stream().limit(20).map(e -> new FieldError("query", code, e.getMessage())).toList());
        }
        return doc;
    }

    /** The cost of running {@code operationName} (or the only operation) with these variables; 400 past the limit. */
    static long requireAffordable(Document doc, String operationName, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (FragmentDefinition f : doc.getDefinitionsOfType(FragmentDefinition.class)) fragments.put(f.getName(), f);
        long total = 0;
        for (OperationDefinition op : doc.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName != null && !operationName.equals(op.getName())) continue;
            total += cost(op.getSelectionSet(), fragments, variables, 0, true);
        }
        return total;
    }

    private static long cost(SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Object> variables, long sofar,
                             boolean top) {
        if (set == null) return 0;
        long total = 0;
        for (Selection<?> s : set.getSelections()) {
            long here = switch (s) {
                case Field f when f.getName().startsWith("__") -> 1 + fieldCount(f.getSelectionSet(), fragments, 0);
                case Field f -> (top && f.getSelectionSet() != null ? LIST_COST : 1)
                        + multiplier(f, variables, top) * cost(f.getSelectionSet(), fragments, variables, sofar + total, false);
                case InlineFragment i -> cost(i.getSelectionSet(), fragments, variables, sofar + total, top);
                case FragmentSpread spread -> fragments.containsKey(spread.getName())
                        ? cost(fragments.get(spread.getName()).getSelectionSet(), fragments, variables, sofar + total, top) : 0;
                default -> 0;
            };
            total += here;
            if (sofar + total > MAX_COST) {
                throw invalid("graphql_too_complex", "The query would cost more than " + MAX_COST
                        + " (one per field; a list field's selection times its limit): ask for fewer fields, smaller pages or fewer aliases");
            }
        }
        return total;
    }

    /** Introspection walks the schema, no entries: each field once (the validator caps depth and fields). */
    private static long fieldCount(SelectionSet set, Map<String, FragmentDefinition> fragments, int depth) {
        if (set == null || depth > MAX_DEPTH) return 0;
        long n = 0;
        for (Selection<?> s : set.getSelections()) {
            n += switch (s) {
                case Field f -> 1 + fieldCount(f.getSelectionSet(), fragments, depth + 1);
                case InlineFragment i -> fieldCount(i.getSelectionSet(), fragments, depth + 1);
                case FragmentSpread spread -> fragments.containsKey(spread.getName())
                        ? fieldCount(fragments.get(spread.getName()).getSelectionSet(), fragments, depth + 1) : 0;
                default -> 0;
            };
        }
        return n;
    }

    /**
     * How many times a field's selection runs: a top-level list field's {@code limit} (its page's
     * {@code data} then counts once), once for {@code _by_id}, a fixed factor for nested objects (references).
     */
    private static long multiplier(Field f, Map<String, Object> variables, boolean top) {
        if (f.getSelectionSet() == null || f.getName().equals("data")) return 1;
        for (Argument a : f.getArguments()) {
            if (!a.getName().equals("limit")) continue;
            Object v = switch (a.getValue()) {
                case IntValue i -> i.getValue();
                case VariableReference ref -> variables.get(ref.getName());
                default -> null;
            };
            long limit = v instanceof Number n ? n.longValue() : DEFAULT_LIMIT;
            if (limit > MAX_LIMIT) throw invalid("graphql_too_complex", "limit must be at most " + MAX_LIMIT);
            return Math.max(1, limit);
        }
        if (top) return f.getName().endsWith("_by_id") || mutation(f.getName()) ? 1 : DEFAULT_LIMIT;
        return REFERENCES_FACTOR;
    }

    /** create_/update_/delete_…_item: one entry each. */
    private static boolean mutation(String name) {
        return name.endsWith("_item") && (name.startsWith("create_") || name.startsWith("update_") || name.startsWith("delete_"));
    }

    static VellumException invalid(String code, String message) {
        return new VellumException.BadRequest(code, message, List.of(new FieldError("query", code, message)));
    }
}
