package dev.vellum.importers;

import dev.vellum.testing.Backend;

class SqliteRowImportTest extends RowImportScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
