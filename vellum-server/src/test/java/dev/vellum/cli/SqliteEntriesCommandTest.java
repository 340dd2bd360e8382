package dev.vellum.cli;

import dev.vellum.testing.Backend;

class SqliteEntriesCommandTest extends EntriesCommandScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
