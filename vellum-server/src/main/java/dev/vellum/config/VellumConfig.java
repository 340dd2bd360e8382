package dev.vellum.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolved configuration. Precedence: explicit overrides (CLI flags) over environment over defaults. */
public record VellumConfig(
        int port,
        String host,
        Path dataDir,
        Optional<String> databaseUrl,
        int databasePoolSize,
        Optional<String> bootstrapToken,
        int rateLimitPerMinute,
        RateLimitConfig rateLimits,
        List<String> outboundAllowlist,
        long maxBodyBytes,
        int statementTimeoutMs,
        String logFormat,
        Optional<String> secretKey,
        Optional<String> publicUrl,
        EventSettings events,
        Map<String, String> values) {

    /**
     * A setting's resolved text (its default when unset). Capabilities read their own settings through
     * this and the typed readers below, so adding a setting does not change this record.
     */
    public String value(Setting s) {
        String v = values.get(s.env());
        if (v == null) throw new IllegalArgumentException(s.env() + " is not declared in Settings.ALL");
        return v;
    }

    /** A setting read as an integer; a malformed value is an error naming the setting. */
    public int integer(Setting s) {
        return integer(values, s);
    }

    /** A setting read as a number of milliseconds. */
    public Duration millis(Setting s) {
        return millis(values, s);
    }


    /** @param overrides values keyed by environment variable name (from CLI flags or tests). */
    public static VellumConfig resolve(Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (Setting s : Settings.ALL) {
            String v = overrides.getOrDefault(s.env(), env.get(s.env()));
            values.put(s.env(), v == null ? s.defaultValue() : v.trim());
        }
        return new VellumConfig(
                integer(values, Settings.PORT),
                values.get(Settings.HOST.env()),
                Path.of(values.get(Settings.DATA_DIR.env())),
                optional(values.get(Settings.DATABASE_URL.env())),
                integer(values, Settings.DATABASE_POOL_SIZE),
                optional(values.get(Settings.BOOTSTRAP_TOKEN.env())),
                integer(values, Settings.RATE_LIMIT_PER_MINUTE),
                rateLimits(values),
                list(values.get(Settings.OUTBOUND_ALLOWLIST.env())),
                Long.parseLong(values.get(Settings.MAX_BODY_BYTES.env())),
                integer(values, Settings.STATEMENT_TIMEOUT_MS),
                logFormat(values.get(Settings.LOG_FORMAT.env())),
                optional(values.get(Settings.SECRET_KEY.env())),
                optional(values.get(Settings.PUBLIC_URL.env())),
                events(values),
                Map.copyOf(values));
    }

    private static EventSettings events(Map<String, String> values) {
        return new EventSettings(
                millis(values, Settings.WEBHOOK_TIMEOUT_MS),
                millis(values, Settings.WEBHOOK_BACKOFF_BASE_MS),
                millis(values, Settings.WEBHOOK_BACKOFF_MAX_MS),
                Duration.ofMillis(Math.round(number(values, Settings.WEBHOOK_MAX_AGE_HOURS) * 3_600_000)),
                integer(values, Settings.WEBHOOK_CONCURRENCY),
                Duration.ofDays(integer(values, Settings.DELIVERY_LOG_DAYS)),
                millis(values, Settings.PUBLISH_DEBOUNCE_MS),
                millis(values, Settings.PUBLISH_MAX_WAIT_MS),
                millis(values, Settings.SCHEDULER_TICK_MS),
                millis(values, Settings.STREAM_HEARTBEAT_MS),
                millis(values, Settings.POLL_MS));
    }

    /** {@code auto} becomes text on a terminal and JSON otherwise; other values stay as given. */
    static String logFormat(String configured) {
        if (!"auto".equals(configured)) return configured;
        return onTerminal() ? "text" : "json";
    }

    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try { // Java 22+ has a console even when redirected; isTerminal tells the difference
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only on a terminal
        }
    }

    public boolean usesPostgres() {
        return databaseUrl.isPresent();
    }

    private static int integer(Map<String, String> values, Setting s) {
        String v = values.get(s.env());
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.env() + " must be an integer, got '" + v + "'");
        }
    }

    /** Requests per minute per scope; 0 means unlimited. */
    public record RateLimitConfig(int read, int write, int admin, int anonymous) {}

    private static RateLimitConfig rateLimits(Map<String, String> values) {
        int general = integer(values, Settings.RATE_LIMIT_PER_MINUTE);
        return new RateLimitConfig(orGeneral(values, Settings.RATE_LIMIT_READ_PER_MINUTE, general),
                orGeneral(values, Settings.RATE_LIMIT_WRITE_PER_MINUTE, general),
                orGeneral(values, Settings.RATE_LIMIT_ADMIN_PER_MINUTE, general),
                integer(values, Settings.RATE_LIMIT_ANONYMOUS_PER_MINUTE));
    }

    private static int orGeneral(Map<String, String> values, Setting s, int general) {
        return values.get(s.env()).isEmpty() ? general : integer(values, s);
    }

    private static Duration millis(Map<String, String> values, Setting s) {
        return Duration.ofMillis(integer(values, s));
    }

    private static double number(Map<String, String> values, Setting s) {
        String v = values.get(s.env());
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.env() + " must be a number, got '" + v + "'");
        }
    }

    private static Optional<String> optional(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    private static List<String> list(String v) {
        if (v == null || v.isBlank()) return List.of();
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
