package dev.vellum.auth;

import dev.vellum.testing.Backend;

class TokenRotationSqliteTest extends TokenRotationScenarios {
    @Override
    protected Backend newBackend() {
        return Backend.sqlite();
    }
}
