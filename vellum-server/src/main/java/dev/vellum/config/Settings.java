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
            "6000", "integer", "Requests per minute allowed per token, as a bucket that refills continuously (a full minute's worth may come as a burst); 0 disables rate limiting. Enforced per node.");
    public static final Setting RATE_LIMIT_READ_PER_MINUTE = new Setting("VELLUM_RATE_LIMIT_READ_PER_MINUTE", "--rate-limit-read-per-minute",
            "", "integer", "Per-token limit for read-scoped tokens. Empty: VELLUM_RATE_LIMIT_PER_MINUTE.");
    public static final Setting RATE_LIMIT_WRITE_PER_MINUTE = new Setting("VELLUM_RATE_LIMIT_WRITE_PER_MINUTE", "--rate-limit-write-per-minute",
            "", "integer", "Per-token limit for write-scoped tokens. Empty: VELLUM_RATE_LIMIT_PER_MINUTE.");
    public static final Setting RATE_LIMIT_ADMIN_PER_MINUTE = new Setting("VELLUM_RATE_LIMIT_ADMIN_PER_MINUTE", "--rate-limit-admin-per-minute",
            "", "integer", "Per-token limit for admin-scoped and instance admin tokens. Empty: VELLUM_RATE_LIMIT_PER_MINUTE.");
    public static final Setting RATE_LIMIT_ANONYMOUS_PER_MINUTE = new Setting("VELLUM_RATE_LIMIT_ANONYMOUS_PER_MINUTE",
            "--rate-limit-anonymous-per-minute", "600", "integer",
            "Per client IP, for requests without a valid token (including failed authentication); 0 disables.");
    public static final Setting OUTBOUND_ALLOWLIST = new Setting("VELLUM_OUTBOUND_ALLOWLIST", "--outbound-allowlist", "",
            "list", "Comma-separated hosts or CIDRs that outbound requests (webhooks, importers, sync) may reach although they are private or loopback.");
    public static final Setting MAX_BODY_BYTES = new Setting("VELLUM_MAX_BODY_BYTES", "--max-body-bytes", "10485760",
            "integer", "Largest accepted JSON request body in bytes; larger bodies answer 413.");
    public static final Setting STATEMENT_TIMEOUT_MS = new Setting("VELLUM_STATEMENT_TIMEOUT_MS", "--statement-timeout-ms",
            "5000", "integer", "Longest a single read query may run before it is cancelled (503 query_timeout).");
    public static final Setting LOG_FORMAT = new Setting("VELLUM_LOG_FORMAT", "--log-format", "auto", "auto|json|text",
            "Log format (requests and application): one JSON object per line, or readable key=value text lines. "
                    + "auto: text when the console is a terminal, JSON otherwise (pipes, files, containers).");

    // --- events: webhooks, live changes, inbound hooks, publishing ---------------------------------
    public static final Setting SECRET_KEY = new Setting("VELLUM_SECRET_KEY", "--secret-key", "", "secret",
            "Base64 of 32 random bytes: the key that encrypts stored webhook and inbound-hook secrets (AES-256-GCM). "
                    + "Empty: a key file secret.key is created in the data dir. Every node of a cluster needs the same key.");
    public static final Setting PUBLIC_URL = new Setting("VELLUM_PUBLIC_URL", "--public-url", "", "URL",
            "Base URL clients reach this server at (e.g. https://cms.example.com), used in the URLs of inbound hooks. "
                    + "Empty: taken from each request's Host header.");
    public static final Setting WEBHOOK_TIMEOUT_MS = new Setting("VELLUM_WEBHOOK_TIMEOUT_MS", "--webhook-timeout-ms", "10000",
            "integer", "How long one webhook delivery attempt may take (connect, send, response) before it counts as failed.");
    public static final Setting WEBHOOK_BACKOFF_BASE_MS = new Setting("VELLUM_WEBHOOK_BACKOFF_BASE_MS", "--webhook-backoff-base-ms",
            "10000", "integer", "Delay before the first retry of a failed delivery; each further retry waits twice as long (±20% jitter).");
    public static final Setting WEBHOOK_BACKOFF_MAX_MS = new Setting("VELLUM_WEBHOOK_BACKOFF_MAX_MS", "--webhook-backoff-max-ms",
            "3600000", "integer", "Longest delay between two attempts of one delivery.");
    public static final Setting WEBHOOK_MAX_AGE_HOURS = new Setting("VELLUM_WEBHOOK_MAX_AGE_HOURS", "--webhook-max-age-hours", "24",
            "number", "How long a delivery is retried after its first attempt; then it fails and its webhook is disabled.");
    public static final Setting WEBHOOK_CONCURRENCY = new Setting("VELLUM_WEBHOOK_CONCURRENCY", "--webhook-concurrency", "8",
            "integer", "Webhook endpoints one node delivers to at the same time (each endpoint gets its events in order).");
    public static final Setting DELIVERY_LOG_DAYS = new Setting("VELLUM_DELIVERY_LOG_DAYS", "--delivery-log-days", "14", "integer",
            "Days finished webhook deliveries and inbound hook requests are kept in their logs.");
    public static final Setting PUBLISH_DEBOUNCE_MS = new Setting("VELLUM_PUBLISH_DEBOUNCE_MS", "--publish-debounce-ms", "5000",
            "integer", "Quiet time after the last publish request before site.published fires; a burst of requests fires once.");
    public static final Setting PUBLISH_MAX_WAIT_MS = new Setting("VELLUM_PUBLISH_MAX_WAIT_MS", "--publish-max-wait-ms", "60000",
            "integer", "Longest a publish waits for quiet: after this long since its first request it fires anyway.");
    public static final Setting SCHEDULER_TICK_MS = new Setting("VELLUM_SCHEDULER_TICK_MS", "--scheduler-tick-ms", "500", "integer",
            "How often a node looks for drafts whose publish_at has come.");
    public static final Setting STREAM_HEARTBEAT_MS = new Setting("VELLUM_STREAM_HEARTBEAT_MS", "--stream-heartbeat-ms", "15000",
            "integer", "Interval of the keep-alive comments on the live change stream.");
    public static final Setting POLL_MS = new Setting("VELLUM_POLL_MS", "--poll-ms", "1000", "integer",
            "How often a node looks in the database for changes and work from other nodes (its own commits wake it at once).");

    // --- assets: uploads, variants, storage backends -------------------------------------------------
    public static final Setting ASSET_MAX_BYTES = new Setting("VELLUM_ASSET_MAX_BYTES", "--asset-max-bytes", "268435456", "integer",
            "Largest accepted asset upload (or download from a URL) in bytes; larger bodies answer 413 and leave nothing behind.");
    public static final Setting ASSET_ALLOWED_TYPES = new Setting("VELLUM_ASSET_ALLOWED_TYPES", "--asset-allowed-types",
            "image/*,application/pdf,audio/*,video/*,application/msword,application/vnd.ms-excel,application/vnd.ms-powerpoint,"
                    + "application/vnd.openxmlformats-officedocument.*,application/vnd.oasis.opendocument.*,application/zip,"
                    + "text/plain,text/csv,text/markdown,application/json,application/xml", "list",
            "Content types (sniffed from the bytes, never taken from the client) that may be uploaded; type/* covers a family. "
                    + "Others answer 415. XML (WordPress exports to import), and HTML and SVG when allowed, are only ever served as "
                    + "attachments in a sandbox.");
    public static final Setting ASSET_STORE = new Setting("VELLUM_ASSET_STORE", "--asset-store", "local", "local|s3",
            "Where asset bytes live: the local disk (VELLUM_ASSET_DIR) or an S3-compatible bucket (the VELLUM_S3_* settings).");
    public static final Setting ASSET_DIR = new Setting("VELLUM_ASSET_DIR", "--asset-dir", "", "path",
            "Folder of the local asset store. Empty: assets/ in the data dir. Upload spooling always uses tmp/ in the data dir.");
    public static final Setting S3_ENDPOINT = new Setting("VELLUM_S3_ENDPOINT", "--s3-endpoint", "", "URL",
            "S3 endpoint, e.g. https://<account>.r2.cloudflarestorage.com or http://minio:9000. Empty: AWS S3 of VELLUM_S3_REGION.");
    public static final Setting S3_REGION = new Setting("VELLUM_S3_REGION", "--s3-region", "us-east-1", "string",
            "S3 region (Cloudflare R2: auto).");
    public static final Setting S3_BUCKET = new Setting("VELLUM_S3_BUCKET", "--s3-bucket", "", "string",
            "S3 bucket holding the assets (it must exist). Required with VELLUM_ASSET_STORE=s3.");
    public static final Setting S3_PREFIX = new Setting("VELLUM_S3_PREFIX", "--s3-prefix", "", "string",
            "Key prefix inside the bucket (e.g. vellum/), so one bucket can hold other things too.");
    public static final Setting S3_PATH_STYLE = new Setting("VELLUM_S3_PATH_STYLE", "--s3-path-style", "false", "boolean",
            "Address the bucket as endpoint/bucket/key instead of bucket.endpoint/key (MinIO and S3Proxy need true).");
    public static final Setting S3_ACCESS_KEY_ID = new Setting("VELLUM_S3_ACCESS_KEY_ID", "--s3-access-key-id", "", "secret",
            "S3 access key id. Empty: the AWS default credential chain (environment, profile, instance role).");
    public static final Setting S3_SECRET_ACCESS_KEY = new Setting("VELLUM_S3_SECRET_ACCESS_KEY", "--s3-secret-access-key", "", "secret",
            "S3 secret access key, with VELLUM_S3_ACCESS_KEY_ID.");
    public static final Setting ASSET_FETCH_TIMEOUT_MS = new Setting("VELLUM_ASSET_FETCH_TIMEOUT_MS", "--asset-fetch-timeout-ms", "30000",
            "integer", "How long an upload from a URL may take in all (connect, redirects, body) before it fails.");
    public static final Setting ASSET_FETCH_MAX_REDIRECTS = new Setting("VELLUM_ASSET_FETCH_MAX_REDIRECTS", "--asset-fetch-max-redirects",
            "5", "integer", "Redirects an upload from a URL follows (each hop checked against the outbound policy).");
    public static final Setting ASSET_MAX_PIXELS = new Setting("VELLUM_ASSET_MAX_PIXELS", "--asset-max-pixels", "50000000", "integer",
            "Largest image (width × height, read from its header before decoding) that variants are made of; larger ones answer 422.");
    public static final Setting ASSET_VARIANT_MAX_DIMENSION = new Setting("VELLUM_ASSET_VARIANT_MAX_DIMENSION",
            "--asset-variant-max-dimension", "4096", "integer", "Largest width or height a variant may ask for.");
    public static final Setting ASSET_VARIANTS_PER_ASSET = new Setting("VELLUM_ASSET_VARIANTS_PER_ASSET", "--asset-variants-per-asset",
            "25", "integer", "Distinct variants kept per asset; asking for a new one beyond this answers 422.");

    // --- jobs: imports, sync runs and other long-running work -----------------------------------------
    public static final Setting JOB_WORKERS = new Setting("VELLUM_JOB_WORKERS", "--job-workers", "2", "integer",
            "Jobs (imports, sync runs) one node runs at the same time; further jobs wait in the queue.");
    public static final Setting JOB_LEASE_MS = new Setting("VELLUM_JOB_LEASE_MS", "--job-lease-ms", "30000", "integer",
            "How long a node holds a job without renewing it (it renews every third of this while it runs). A job whose "
                    + "node died is taken over by another node this long after its last renewal.");
    // --- delivery API: metrics ---------------------------------------------------------------------
    public static final Setting METRICS_TOKEN = new Setting("VELLUM_METRICS_TOKEN", "--metrics-token", "", "secret",
            "Bearer token that may read GET /metrics (besides the instance admin token). Empty: only the instance admin token.");
    public static final Setting METRICS_PORT = new Setting("VELLUM_METRICS_PORT", "--metrics-port", "", "integer",
            "Serve /metrics on this separate port instead (without a token: protect it by where it listens), and not on the API port. "
                    + "Empty: /metrics is on the API port and asks for a token.");
    public static final Setting METRICS_HOST = new Setting("VELLUM_METRICS_HOST", "--metrics-host", "127.0.0.1", "string",
            "Address the separate metrics port binds to (with VELLUM_METRICS_PORT).");

    /** The CLI's remote mode: with a URL, commands go to that server through the Java client. */
    public static final Setting URL = new Setting("VELLUM_URL", "--url", "", "URL",
            "CLI only: the server to talk to (e.g. https://cms.example.com). Empty: work on the local data dir or database.");
    public static final Setting TOKEN = new Setting("VELLUM_TOKEN", "--token", "", "secret",
            "CLI only, with --url: the bearer token to use.");

    /** Settings of the CLI's remote mode; commands that work on data take these besides {@link #ALL}. */
    public static final List<Setting> CLIENT = List.of(URL, TOKEN);

    public static final List<Setting> ALL = List.of(PORT, HOST, DATA_DIR, DATABASE_URL, DATABASE_POOL_SIZE, BOOTSTRAP_TOKEN,
            RATE_LIMIT_PER_MINUTE, RATE_LIMIT_READ_PER_MINUTE, RATE_LIMIT_WRITE_PER_MINUTE, RATE_LIMIT_ADMIN_PER_MINUTE,
            RATE_LIMIT_ANONYMOUS_PER_MINUTE, OUTBOUND_ALLOWLIST, MAX_BODY_BYTES, STATEMENT_TIMEOUT_MS, LOG_FORMAT,
            SECRET_KEY, PUBLIC_URL, WEBHOOK_TIMEOUT_MS, WEBHOOK_BACKOFF_BASE_MS, WEBHOOK_BACKOFF_MAX_MS, WEBHOOK_MAX_AGE_HOURS,
            WEBHOOK_CONCURRENCY, DELIVERY_LOG_DAYS, PUBLISH_DEBOUNCE_MS, PUBLISH_MAX_WAIT_MS, SCHEDULER_TICK_MS,
            STREAM_HEARTBEAT_MS, POLL_MS, JOB_WORKERS, JOB_LEASE_MS,
            ASSET_MAX_BYTES, ASSET_ALLOWED_TYPES, ASSET_STORE, ASSET_DIR, S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_PREFIX, S3_PATH_STYLE,
            S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, ASSET_FETCH_TIMEOUT_MS, ASSET_FETCH_MAX_REDIRECTS, ASSET_MAX_PIXELS,
            ASSET_VARIANT_MAX_DIMENSION, ASSET_VARIANTS_PER_ASSET,
            METRICS_TOKEN, METRICS_PORT, METRICS_HOST);
}
