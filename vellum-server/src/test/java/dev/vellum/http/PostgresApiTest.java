package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresApiTest extends ApiScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
    @Override protected java.util.Map<String, String> settings() { return java.util.Map.of("VELLUM_MAX_BODY_BYTES", "200000"); }
}
