package dev.vellum.delivery;

import dev.vellum.testing.Backend;

class SqliteDeliveryTest extends DeliveryScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }
}
