package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresSchemaChangeTest extends SchemaChangeScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
