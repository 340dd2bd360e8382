package dev.vellum.query;

import dev.vellum.testing.Backend;

class SqliteConcurrentPagingTest extends ConcurrentPagingScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
