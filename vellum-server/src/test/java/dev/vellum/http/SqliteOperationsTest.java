package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteOperationsTest extends OperationsScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
