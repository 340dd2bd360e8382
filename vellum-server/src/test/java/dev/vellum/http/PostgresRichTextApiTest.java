package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresRichTextApiTest extends RichTextApiScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
