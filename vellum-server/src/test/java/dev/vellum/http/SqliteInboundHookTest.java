package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteInboundHookTest extends InboundHookScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
