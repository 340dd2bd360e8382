package dev.vellum.query;

import dev.vellum.testing.Backend;

class PostgresConcurrentPagingTest extends ConcurrentPagingScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
