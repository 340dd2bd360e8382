package dev.vellum.storage;

import dev.vellum.testing.Backend;

class PostgresStatementTimeoutTest extends StatementTimeoutScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
