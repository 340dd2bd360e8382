package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteQueryApiTest extends QueryApiScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
