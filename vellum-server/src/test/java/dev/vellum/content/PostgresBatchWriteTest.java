package dev.vellum.content;

import dev.vellum.testing.Backend;

class PostgresBatchWriteTest extends BatchWriteScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
