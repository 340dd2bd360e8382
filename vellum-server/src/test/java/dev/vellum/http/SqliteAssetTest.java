package dev.vellum.http;

import dev.vellum.testing.Backend;

class SqliteAssetTest extends AssetScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
