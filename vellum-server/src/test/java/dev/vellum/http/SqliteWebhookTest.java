package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteWebhookTest extends WebhookScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
