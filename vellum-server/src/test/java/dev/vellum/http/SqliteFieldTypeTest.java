package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteFieldTypeTest extends FieldTypeScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
