package dev.vellum.content;

import dev.vellum.testing.Backend;

class SqliteQueryPlanTest extends QueryPlanScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
