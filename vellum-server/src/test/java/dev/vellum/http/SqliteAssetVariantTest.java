package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteAssetVariantTest extends AssetVariantScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
