package dev.vellum.storage;

import dev.vellum.testing.Backend;

class SqliteQueryPlanTest extends QueryPlanScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
