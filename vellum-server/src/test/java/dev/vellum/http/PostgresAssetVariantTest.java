package dev.vellum.http;

import dev.vellum.testing.Backend;

class PostgresAssetVariantTest extends AssetVariantScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
