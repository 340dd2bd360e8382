package dev.vellum.importers;

import dev.vellum.testing.Backend;

class SqliteImportTakeoverTest extends ImportTakeoverScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
