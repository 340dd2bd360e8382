package dev.vellum.query;

import dev.vellum.testing.Backend;

class PostgresQueryDifferentialTest extends QueryDifferentialScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
