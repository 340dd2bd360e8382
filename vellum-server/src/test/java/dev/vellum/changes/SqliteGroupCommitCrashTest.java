package dev.vellum.changes;

import dev.vellum.testing.Backend;

class SqliteGroupCommitCrashTest extends GroupCommitCrashScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
