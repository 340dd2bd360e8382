package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresAssetTest extends AssetScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
