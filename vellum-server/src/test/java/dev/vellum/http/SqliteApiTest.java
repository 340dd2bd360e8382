package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteApiTest extends ApiScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
    @Override protected java.util.Map<String, String> settings() { return java.util.Map.of("VELLUM_MAX_BODY_BYTES", "200000"); }
}
