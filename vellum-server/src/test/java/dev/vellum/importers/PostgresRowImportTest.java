package dev.vellum.importers;

import dev.vellum.testing.Backend;

class PostgresRowImportTest extends RowImportScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
