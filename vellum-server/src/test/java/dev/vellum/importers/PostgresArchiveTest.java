package dev.vellum.importers;

import dev.vellum.testing.Backend;

class PostgresArchiveTest extends ArchiveScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
