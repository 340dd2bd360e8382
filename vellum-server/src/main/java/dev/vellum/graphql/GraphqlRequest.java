package dev.vellum.graphql;

import java.util.Map;

/**
 * A GraphQL request as sent over HTTP. {@code persistedHash}: the sha256 of an automatic persisted query
 * ({@code extensions.persistedQuery.sha256Hash}); then {@code query} may be null to run the stored one.
 */
public record GraphqlRequest(String query, Map<String, Object> variables, String operationName, String persistedHash) {
    public GraphqlRequest {
        variables = variables == null ? Map.of() : variables;
    }
}
