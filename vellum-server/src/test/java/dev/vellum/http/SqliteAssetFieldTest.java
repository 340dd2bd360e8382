package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteAssetFieldTest extends AssetFieldScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
