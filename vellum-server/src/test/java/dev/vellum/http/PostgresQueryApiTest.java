package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresQueryApiTest extends QueryApiScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
