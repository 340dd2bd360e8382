package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresPublishingTest extends PublishingScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
