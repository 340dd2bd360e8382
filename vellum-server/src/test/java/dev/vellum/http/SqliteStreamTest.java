package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteStreamTest extends StreamScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
