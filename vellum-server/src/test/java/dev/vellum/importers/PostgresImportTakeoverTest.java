package dev.vellum.importers;

import dev.vellum.testing.Backend;

class PostgresImportTakeoverTest extends ImportTakeoverScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
