package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteRichTextApiTest extends RichTextApiScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
