package dev.vellum.graphql;

import dev.vellum.testing.Backend;

class SqliteGraphqlTest extends GraphqlScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
