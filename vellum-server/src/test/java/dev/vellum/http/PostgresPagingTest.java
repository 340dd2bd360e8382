package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresPagingTest extends PagingScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
