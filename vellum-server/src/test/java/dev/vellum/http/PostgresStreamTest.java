package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresStreamTest extends StreamScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
