package dev.vellum.content;

import dev.vellum.testing.Backend;

class SqliteEntryTreeTest extends EntryTreeScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
