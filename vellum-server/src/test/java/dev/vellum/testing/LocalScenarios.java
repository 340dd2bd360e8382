package dev.vellum.testing;

import dev.vellum.app.Vellum;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of scenario tests that call the facades directly (the CLI's local mode, no HTTP): one Vellum
 * per test class, on the backend a subclass names. A subclass's own {@code @BeforeAll} runs after this opens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LocalScenarios {
    protected Backend backend;
    protected Vellum vellum;

    protected abstract Backend newBackend();

    protected Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void openVellum() {
        backend = newBackend();
        vellum = Vellum.open(backend.config(settings()));
    }

    @AfterAll
    void closeVellum() {
        if (vellum != null) vellum.close();
        if (backend != null) backend.close();
    }
}
