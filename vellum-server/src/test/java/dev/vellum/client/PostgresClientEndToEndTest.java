package dev.vellum.client;

import dev.vellum.testing.Backend;

/** The client scenarios on PostgreSQL (skipped, and saying so, where none is reachable). */
class PostgresClientEndToEndTest extends ClientScenarios {
    @Override
    protected Backend newBackend() {
        return Backend.postgres();
    }
}
