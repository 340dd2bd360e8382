package dev.vellum.importers;

import dev.vellum.testing.Backend;

class SqliteArchiveTest extends ArchiveScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
