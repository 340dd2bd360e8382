package dev.vellum.content;

import dev.vellum.testing.Backend;

class SqliteBatchWriteTest extends BatchWriteScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
