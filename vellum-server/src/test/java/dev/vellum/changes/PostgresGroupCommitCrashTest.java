package dev.vellum.changes;

import dev.vellum.testing.Backend;

class PostgresGroupCommitCrashTest extends GroupCommitCrashScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
