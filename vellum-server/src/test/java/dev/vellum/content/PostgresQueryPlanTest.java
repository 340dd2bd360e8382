package dev.vellum.content;

import dev.vellum.testing.Backend;

class PostgresQueryPlanTest extends QueryPlanScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
