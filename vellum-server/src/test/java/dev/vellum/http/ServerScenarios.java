package dev.vellum.http;

import dev.vellum.testing.Api;
import dev.vellum.testing.Backend;
import dev.vellum.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of the API scenario tests: one real server per test class, on the backend a subclass names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerScenarios {
    protected Backend backend;
    protected TestServer server;

    protected abstract Backend newBackend();

    protected Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void startServer() {
        backend = newBackend();
        server = new TestServer(backend, settings());
    }

    @AfterAll
    void stopServer() {
        if (server != null) server.close();
        if (backend != null) backend.close();
    }

    /** A project with a unique id for one test, and an admin-scoped client in it. */
    protected Api newProject(String prefix) {
        String id = prefix + "-" + Long.toHexString(System.nanoTime());
        return server.project(id, "admin");
    }

}
