package dev.vellum.content;

import dev.vellum.testing.Backend;

class PostgresEntryTreeTest extends EntryTreeScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
