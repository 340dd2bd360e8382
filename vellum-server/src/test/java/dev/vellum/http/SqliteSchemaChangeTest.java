package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteSchemaChangeTest extends SchemaChangeScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
