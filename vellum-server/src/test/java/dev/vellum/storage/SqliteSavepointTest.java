package dev.vellum.storage;

import dev.vellum.testing.Backend;

class SqliteSavepointTest extends SavepointScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
