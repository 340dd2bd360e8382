package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteSearchTest extends SearchScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
