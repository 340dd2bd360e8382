package dev.vellum.changes;

import dev.vellum.testing.Backend;

class SqliteGroupCommitTest extends GroupCommitScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
