package dev.vellum.importers;

import dev.vellum.testing.Backend;

class SqliteWordPressFixtureTest extends WordPressFixtureScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
