package dev.vellum.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Vellum API, one resource group per method. Thread-safe: build one per base URL and token and
 * share it; close it when done to release its connections.
 *
 * <pre>{@code
 * try (VellumClient vellum = VellumClient.builder().baseUrl("http://localhost:8080").token(secret).build()) {
 *     Entry e = vellum.entries("acme", "posts").create(EntryInput.of(Map.of("title", "Hello")));
 * }
 * }</pre>
 */
public final class VellumClient implements AutoCloseable {
    private final HttpClient http;
    private final Transport transport;

    private VellumClient(HttpClient http, Transport transport) {
        this.http = http;
        this.transport = transport;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ProjectsApi projects() {
        return new ProjectsApi(transport);
    }

    public TokensApi tokens(String project) {
        return new TokensApi(transport, project);
    }

    public CollectionsApi collections(String project) {
        return new CollectionsApi(transport, project);
    }

    public EntriesApi entries(String project, String collection) {
        return new EntriesApi(transport, project, collection);
    }

    public ImportsApi imports(String project) {
        return new ImportsApi(transport, project);
    }

    public AssetsApi assets(String project) {
        return new AssetsApi(transport, project);
    }

    public ChangesApi changes(String project) {
        return new ChangesApi(transport, project);
    }

    /** Two-way Directus sync: connections, runs, conflicts. */
    public SyncApi sync(String project) {
        return new SyncApi(transport, project);
    }

    @Override
    public void close() {
        http.close();
    }

    /** Settings for a client; only {@code baseUrl} is required (and {@code token} for every /v1 call). */
    public static final class Builder {
        private String baseUrl;
        private String token;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private RetryPolicy retries = RetryPolicy.DEFAULT;
        private Consumer<RetryEvent> onRetry = event -> { };

        private Builder() {}

        /** Where the server is, e.g. {@code https://cms.example.com} (a path prefix is kept). */
        public Builder baseUrl(String url) {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException("not an absolute URL: " + url);
            this.baseUrl = url.replaceAll("/+$", "");
            return this;
        }

        /** The bearer token (a project token, or the instance admin token). */
        public Builder token(String secret) {
            this.token = secret;
            return this;
        }

        /** How long one attempt may take, from sending to the whole answer (default 30 s). */
        public Builder timeout(Duration perAttempt) {
            this.timeout = Objects.requireNonNull(perAttempt);
            return this;
        }

        /** How long connecting may take (default 10 s). */
        public Builder connectTimeout(Duration connect) {
            this.connectTimeout = Objects.requireNonNull(connect);
            return this;
        }

        /** How many times an idempotent request is retried after its first attempt (default 3; 0: never). */
        public Builder maxRetries(int retriesAfterFirst) {
            if (retriesAfterFirst < 0) throw new IllegalArgumentException("maxRetries cannot be negative");
            this.retries = retries.withMaxAttempts(retriesAfterFirst + 1);
            return this;
        }

        /** The longest single wait between attempts (default 30 s); a longer Retry-After makes the client give up. */
        public Builder maxRetryDelay(Duration longest) {
            this.retries = retries.withMaxDelay(longest);
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retries = Objects.requireNonNull(policy);
            return this;
        }

        /** Called before each retry's wait, on the calling thread: for logs and metrics. */
        public Builder onRetry(Consumer<RetryEvent> listener) {
            this.onRetry = Objects.requireNonNull(listener);
            return this;
        }

        public VellumClient build() {
            if (baseUrl == null) throw new IllegalStateException("baseUrl is required");
            HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            return new VellumClient(http, new Transport(http, baseUrl, token, timeout, retries, onRetry));
        }
    }
}
