package dev.vellum.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: S3Proxy (from Maven Central, installed by .ci/s3proxy.sh)
 * on its filesystem backend, started once per test run as a child process on a free loopback port
 * and stopped when the JVM exits. Without the install the S3 tests are skipped and say why.
 */
public final class S3Proxy {
    public static final String ACCESS_KEY = "vellum-test-access";
    public static final String SECRET_KEY = "vellum-test-secret-key-0123456789";
    private static S3Proxy running;

    private final String endpoint;

    private S3Proxy(String endpoint) {
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The shared instance, started on first use. */
    public static synchronized S3Proxy get() {
        if (running == null) running = start();
        return running;
    }

    /** A new empty bucket on the shared instance. */
    public String newBucket() {
        String bucket = "vellum-" + Long.toHexString(System.nanoTime());
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    public S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
    }

    /** Server settings for an S3 asset store in {@code bucket} under {@code prefix}. */
    public Map<String, String> settings(String bucket, String prefix) {
        return Map.of("VELLUM_ASSET_STORE", "s3", "VELLUM_S3_ENDPOINT", endpoint, "VELLUM_S3_REGION", "us-east-1",
                "VELLUM_S3_BUCKET", bucket, "VELLUM_S3_PREFIX", prefix, "VELLUM_S3_PATH_STYLE", "true",
                "VELLUM_S3_ACCESS_KEY_ID", ACCESS_KEY, "VELLUM_S3_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    private static S3Proxy start() {
        Path lib = Path.of(System.getenv().getOrDefault("VELLUM_TEST_S3PROXY_LIB", System.getProperty("user.home") + "/.cache/vellum/s3proxy/lib"));
        try (var jars = Files.list(lib)) {
            if (jars.noneMatch(j -> j.getFileName().toString().startsWith("s3proxy-"))) throw new IOException("no s3proxy jar");
        } catch (IOException e) {
            Assumptions.abort("S3Proxy is not installed in " + lib + ": run .ci/s3proxy.sh (skipping the S3 tests)");
        }
        try {
            Path dir = Files.createTempDirectory("vellum-s3proxy-");
            Path data = Files.createDirectories(dir.resolve("data"));
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String endpoint = "http://127.0.0.1:" + port;
            Path props = dir.resolve("s3proxy.properties");
            Files.writeString(props, String.join("\n", "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY, "jclouds.provider=filesystem-nio2",
                    "jclouds.filesystem.basedir=" + data, ""));
            Path logback = dir.resolve("logback.xml");
            Files.writeString(logback, """
                    <configuration><appender name="E" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%msg%n</pattern></encoder></appender>
                    <root level="WARN"><appender-ref ref="E"/></root></configuration>""");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-Dlogback.configurationFile=" + logback, "-cp", lib + "/*",
                    "org.gaul.s3proxy.Main", "--properties", props.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            waitUntilUp(endpoint, p, dir.resolve("s3proxy.log"));
            return new S3Proxy(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy", e);
        }
    }

    private static void waitUntilUp(String endpoint, Process p, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("S3Proxy exited: " + Files.readString(log));
            try {
                http.send(HttpRequest.newBuilder(URI.create(endpoint + "/")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                return; // any answer (403 without credentials) means it is up
            } catch (IOException notYet) {
                Receiver.pause(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        p.destroy();
        throw new IOException("S3Proxy did not start within 60 s: " + Files.readString(log));
    }
}
