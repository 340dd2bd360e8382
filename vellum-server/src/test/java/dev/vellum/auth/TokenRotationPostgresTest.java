package dev.vellum.auth;

import dev.vellum.testing.Backend;

class TokenRotationPostgresTest extends TokenRotationScenarios {
    @Override
    protected Backend newBackend() {
        return Backend.postgres();
    }
}
