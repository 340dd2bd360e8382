package dev.vellum.config;

import java.util.List;

/** Every setting Vellum reads. The single declaration that help text and docs are made from. */
public final class Settings {
    private Settings() {}

    public static final Setting PORT = new Setting("VELLUM_PORT", "--port", "8080", "integer",
            "TCP port the HTTP server listens on (0 picks a free port).");
    public static final Setting HOST = new Setting("VELLUM_HOST", "--host", "0.0.0.0", "string",
            "Address the HTTP server binds to.");
    public static final Setting DATA_DIR = new Setting("VELLUM_DATA_DIR", "--data-dir", "./vellum-data", "path",
            "Folder for the embedded SQLite database and local assets.");
    public static final Setting DATABASE_URL = new Setting("VELLUM_DATABASE_URL", "--database-url", "", "JDBC URL",
            "PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db?user=…). Empty: embedded SQLite in the data dir.");
    public static final Setting DATABASE_POOL_SIZE = new Setting("VELLUM_DATABASE_POOL_SIZE", "--database-pool-size", "8",
            "integer", "Connections in the pool (PostgreSQL) or read connections (SQLite; writes use one connection).");
    public static final Setting BOOTSTRAP_TOKEN = new Setting("VELLUM_BOOTSTRAP_TOKEN", "--bootstrap-token", "", "secret",
            "Instance admin token. Set: this value is the instance admin token. Empty: one is generated on first start and printed once.");
    public static final Setting RATE_LIMIT_PER_MINUTE = new Setting("VELLUM_RATE_LIMIT_PER_MINUTE", "--rate-limit-per-minute",
            "6000", "integer", "Requests per minute allowed per token (0 disables rate limiting).");
    public static final Setting OUTBOUND_ALLOWLIST = new Setting("VELLUM_OUTBOUND_ALLOWLIST", "--outbound-allowlist", "",
            "list", "Comma-separated hosts or CIDRs that outbound requests (webhooks, importers, sync) may reach although they are private or loopback.");
    public static final Setting MAX_BODY_BYTES = new Setting("VELLUM_MAX_BODY_BYTES", "--max-body-bytes", "10485760",
            "integer", "Largest accepted JSON request body in bytes; larger bodies answer 413.");
    public static final Setting STATEMENT_TIMEOUT_MS = new Setting("VELLUM_STATEMENT_TIMEOUT_MS", "--statement-timeout-ms",
            "5000", "integer", "Longest a single read query may run before it is cancelled (503 query_timeout).");
    public static final Setting LOG_FORMAT = new Setting("VELLUM_LOG_FORMAT", "--log-format", "json", "json|text",
            "Request log format: one JSON object per line, or key=value text.");

    public static final List<Setting> ALL = List.of(PORT, HOST, DATA_DIR, DATABASE_URL, DATABASE_POOL_SIZE, BOOTSTRAP_TOKEN,
            RATE_LIMIT_PER_MINUTE, OUTBOUND_ALLOWLIST, MAX_BODY_BYTES, STATEMENT_TIMEOUT_MS, LOG_FORMAT);
}
