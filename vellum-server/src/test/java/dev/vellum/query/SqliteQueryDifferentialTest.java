package dev.vellum.query;

import dev.vellum.testing.Backend;

class SqliteQueryDifferentialTest extends QueryDifferentialScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
