package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresFieldTypeTest extends FieldTypeScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
