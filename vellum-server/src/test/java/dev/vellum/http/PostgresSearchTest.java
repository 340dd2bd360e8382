package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresSearchTest extends SearchScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
