package dev.vellum.graphql;

import dev.vellum.testing.Backend;

class PostgresGraphqlTest extends GraphqlScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
