package dev.vellum.storage;

import dev.vellum.testing.Backend;

class PostgresSavepointTest extends SavepointScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
