package dev.vellum.cli;

import dev.vellum.testing.Backend;

class PostgresEntriesCommandTest extends EntriesCommandScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
