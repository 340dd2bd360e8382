package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteImportApiTest extends ImportApiScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
