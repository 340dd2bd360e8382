package dev.vellum.delivery;

import dev.vellum.testing.Backend;

class PostgresDeliveryTest extends DeliveryScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
