package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresImportApiTest extends ImportApiScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
