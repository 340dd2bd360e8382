package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresWebhookTest extends WebhookScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
