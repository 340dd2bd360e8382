package dev.vellum.testing;

import dev.vellum.app.Vellum;
import java.io.PrintStream;
import java.util.Map;

/** A real Vellum server on a random loopback port, on the given backend. */
public final class TestServer implements AutoCloseable {
    private final Vellum vellum;
    private final String base;

    public TestServer(Backend backend) {
        this(backend, Map.of());
    }

    public TestServer(Backend backend, Map<String, String> settings) {
        this.vellum = Vellum.serve(backend.config(settings), new PrintStream(java.io.OutputStream.nullOutputStream()));
        this.base = "http://127.0.0.1:" + vellum.port();
    }

    public String base() {
        return base;
    }

    public Api admin() {
        return new Api(base, Backend.ADMIN_TOKEN);
    }

    public Api anonymous() {
        return new Api(base, null);
    }

    public Vellum vellum() {
        return vellum;
    }

    /** Creates a project and returns a client holding a token of {@code scope} in it. */
    public Api project(String id, String scope) {
        var r = admin().post("/v1/projects", Map.of("id", id));
        if (r.status() != 201 && r.status() != 409) throw new IllegalStateException("cannot create project: " + r);
        return token(id, scope);
    }

    public Api token(String project, String scope) {
        var t = admin().post("/v1/projects/" + project + "/tokens", Map.of("name", scope + " token", "scope", scope));
        if (t.status() != 201) throw new IllegalStateException("cannot create token: " + t);
        return new Api(base, t.json().get("token").asText());
    }

    @Override
    public void close() {
        vellum.close();
    }
}
