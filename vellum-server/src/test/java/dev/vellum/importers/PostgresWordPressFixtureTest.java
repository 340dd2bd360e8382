package dev.vellum.importers;

import dev.vellum.testing.Backend;

class PostgresWordPressFixtureTest extends WordPressFixtureScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
