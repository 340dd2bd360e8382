package dev.vellum.jobs;

import dev.vellum.testing.Backend;

class SqliteJobTest extends JobScenarios {
    @Override
    protected Backend newBackend() {
        return Backend.sqlite();
    }
}
