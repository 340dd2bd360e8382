package dev.vellum.storage;

import dev.vellum.testing.Backend;

class SqliteStatementTimeoutTest extends StatementTimeoutScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
