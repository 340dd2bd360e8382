package dev.vellum.storage;

import dev.vellum.testing.Backend;

class PostgresCrashSafetyTest extends CrashSafetyScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }
}
