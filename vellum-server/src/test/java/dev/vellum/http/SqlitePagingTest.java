package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqlitePagingTest extends PagingScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
