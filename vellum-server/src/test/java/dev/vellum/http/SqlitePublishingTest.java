package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqlitePublishingTest extends PublishingScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
