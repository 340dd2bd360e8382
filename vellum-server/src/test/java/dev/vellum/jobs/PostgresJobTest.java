package dev.vellum.jobs;

import dev.vellum.testing.Backend;

class PostgresJobTest extends JobScenarios {
    @Override
    protected Backend newBackend() {
        return Backend.postgres();
    }
}
