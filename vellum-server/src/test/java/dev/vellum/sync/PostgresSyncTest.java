package dev.vellum.sync;

import dev.vellum.testing.Backend;

/** {@link SyncScenarios} with Vellum on PostgreSQL (a database of its own, dropped afterwards). */
class PostgresSyncTest extends SyncScenarios {
    @Override
    protected Backend newBackend() {
        return Backend.postgres();
    }
}
