package dev.vellum.content;

import dev.vellum.testing.Backend;

class SqliteEntryCountTest extends EntryCountScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
