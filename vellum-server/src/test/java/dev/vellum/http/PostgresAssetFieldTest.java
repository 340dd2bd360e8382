package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresAssetFieldTest extends AssetFieldScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
