package dev.vellum.content;

import dev.vellum.testing.Backend;

class PostgresEntryCountTest extends EntryCountScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
