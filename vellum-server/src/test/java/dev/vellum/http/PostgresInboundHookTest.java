package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresInboundHookTest extends InboundHookScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
