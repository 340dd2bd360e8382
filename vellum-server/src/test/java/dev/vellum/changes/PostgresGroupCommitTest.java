package dev.vellum.changes;

import dev.vellum.testing.Backend;

class PostgresGroupCommitTest extends GroupCommitScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
