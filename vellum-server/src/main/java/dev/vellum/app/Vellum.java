package dev.vellum.app;

import dev.vellum.admin.AdminRoutes;
import dev.vellum.assets.AssetService;
import dev.vellum.assets.AssetStores;
import dev.vellum.auth.TokenService;
import dev.vellum.changes.ChangeLog;
import dev.vellum.config.Settings;
import dev.vellum.config.AssetSettings;
import dev.vellum.config.VellumConfig;
import dev.vellum.content.EntryAssetUses;
import dev.vellum.content.EntryService;
import dev.vellum.content.EntryTables;
import dev.vellum.delivery.DeliveryService;
import dev.vellum.graphql.GraphqlService;
import dev.vellum.crypto.SecretBox;
import dev.vellum.ids.Ulid;
import dev.vellum.jobs.JobRunner;
import dev.vellum.jobs.JobService;
import dev.vellum.http.HttpServer;
import dev.vellum.importers.Importers;
import dev.vellum.importers.AssetMediaStore;
import dev.vellum.importers.ImportJobs;
import dev.vellum.importers.archive.ProjectArchive;
import dev.vellum.http.Services;
import dev.vellum.observability.Metrics;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.ratelimit.RateLimits;
import dev.vellum.projects.ProjectService;
import dev.vellum.schema.CollectionService;
import dev.vellum.schema.SchemaRegistry;
import dev.vellum.search.SearchIndexMerger;
import dev.vellum.storage.Database;
import dev.vellum.storage.Migrations;
import dev.vellum.outbound.OutboundPolicy;
import dev.vellum.sync.AutoSync;
import dev.vellum.sync.Backoff;
import dev.vellum.sync.ConnectionService;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring: configuration → database → facades → adapters; and the background chores. */
public final class Vellum implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Vellum.class);

    private final Services services;
    private final EventWiring events;
    private HttpServer http;
    private ScheduledExecutorService chores;
    private AutoSync autoSync;
    private JobRunner jobRunner;

    private Vellum(Services services, EventWiring events) {
        this.services = services;
        this.events = events;
    }

    /** Opens the database and builds the facades, without serving HTTP (the CLI's local mode). */
    public static Vellum open(VellumConfig config) {
        Metrics metrics = new Metrics();
        Database db = Database.open(config, metrics.registry());
        try {
            Migrations.run(db);
            db.refreshStatistics();
            ChangeLog changes = new ChangeLog(db);
            SchemaRegistry registry = new SchemaRegistry(db);
            AssetSettings assetSettings = AssetSettings.from(config);
            AssetService assets = new AssetService(db, changes, AssetStores.open(assetSettings), assetSettings,
                    OutboundPolicy.of(config.outboundAllowlist()), config.publicUrl(), metrics.registry());
            assets.useReferences(new EntryAssetUses(db));
            EntryService entries = new EntryService(db, changes, registry, assets);
            EventWiring events = new EventWiring(config, db, changes, entries);
            EntryTables tables = new EntryTables();
            CollectionService collections = new CollectionService(db, changes, registry, tables);
            ProjectService projects = new ProjectService(db);
            tables.buildSearchIndexes(db, projects.list().stream().flatMap(p -> collections.list(p.id()).stream()).toList());
            Importers importers = new Importers(db, collections, entries, new AssetMediaStore(assets),
                    OutboundPolicy.of(config.outboundAllowlist()),
                    new ProjectArchive(projects, collections, entries, events.services().webhooks(), assets));
            JobService jobs = new JobService(db, new SecretBox(config.secretKey(), config.dataDir()));
            jobs.register(new ImportJobs(importers));
            Services services = new Services(config, db, metrics, new RateLimits(), projects, new TokenService(db),
                    collections, entries, changes, events.services(), importers, jobs, assets,
                    new ConnectionService(db, new SecretBox(config.secretKey(), config.dataDir()), OutboundPolicy.of(config.outboundAllowlist()),
                            registry, entries, changes, Backoff.DEFAULT, metrics.registry(), assets),
                    new DeliveryService(db), new GraphqlService(collections, entries, changes));
            metrics.gauge("vellum.webhook.deliveries.pending", "Webhook deliveries waiting to be sent or retried",
                    () -> services.webhooks().pendingDeliveries());
            // group commit (SQLite): writes per group = the rate of the second over the rate of the first
            metrics.counter("vellum.write.groups", "Group commits of the SQLite writer", changes, c -> c.groupStatistics()[0]);
            metrics.counter("vellum.write.group.writes", "Writes the SQLite writer's group commits held", changes,
                    c -> c.groupStatistics()[1]);
            return new Vellum(services, events);
        } catch (RuntimeException e) {
            db.close();
            metrics.close();
            throw e;
        }
    }

    /** Opens everything and serves HTTP; prints a generated instance admin token once, on first start. */
    public static Vellum serve(VellumConfig config, PrintStream out) {
        long started = System.nanoTime();
        Vellum v = open(config);
        try {
            var generatedToken = v.services.tokens().bootstrap(config.bootstrapToken());
            v.http = new HttpServer(v.services, routes -> AdminRoutes.register(routes, v.services)).start();
            printAdminUrl(out, v.http.port());
            generatedToken.ifPresent(secret -> printAdminToken(out, secret));
            v.chores = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vellum-chores");
                t.setDaemon(true);
                return t;
            });
            v.chores.scheduleWithFixedDelay(v::flushTokenUse, 2, 2, TimeUnit.SECONDS);
            v.chores.scheduleWithFixedDelay(v::expireIdempotencyKeys, 1, 60, TimeUnit.MINUTES);
            v.chores.scheduleWithFixedDelay(v::refreshPlannerStatistics, 1, 1, TimeUnit.MINUTES);
            SearchIndexMerger merger = new SearchIndexMerger(v.services.database(), 1_000);
            v.chores.scheduleWithFixedDelay(() -> v.mergeSearchIndexes(merger), 2, 2, TimeUnit.SECONDS);
            v.chores.scheduleWithFixedDelay(v::expireAccessTickets, 5, 5, TimeUnit.MINUTES);
            v.events.start(v.chores);
            v.services.sync().runThroughJobs(v.services.jobs()); // before the runner starts: a resumed sync job finds its handler
            v.jobRunner = new JobRunner(v.services.jobs(), Ulid.next(), config.integer(Settings.JOB_WORKERS),
                    config.millis(Settings.JOB_LEASE_MS), v.services.metrics().registry());
            v.jobRunner.start(!config.usesPostgres());
            v.autoSync = new AutoSync(v.services.sync(), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(5));
            v.autoSync.start();
            log.info("vellum ready on port {} ({}) in {} ms", v.http.port(), config.usesPostgres() ? "postgresql" : "sqlite " + config.dataDir(),
                    (System.nanoTime() - started) / 1_000_000);
            return v;
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    private static void printAdminUrl(PrintStream out, int port) {
        out.println();
        out.println("  Vellum is running. Admin UI: http://localhost:" + port + "/admin");
        out.flush();
    }

    private static void printAdminToken(PrintStream out, String secret) {
        out.println();
        out.println("  Instance admin token (shown once; store it now, and sign in to the admin UI with it):");
        out.println();
        out.println("    " + secret);
        out.println();
        out.println("  Set VELLUM_BOOTSTRAP_TOKEN to choose your own instead.");
        out.println();
        out.flush();
    }

    private void flushTokenUse() {
        try {
            services.tokens().flushLastUsed();
        } catch (RuntimeException e) {
            log.warn("could not record token use: {}", e.getMessage());
        }
    }

    private void mergeSearchIndexes(SearchIndexMerger merger) {
        try {
            merger.run();
        } catch (RuntimeException e) {
            log.warn("could not merge search indexes: {}", e.getMessage());
        }
    }

    private void refreshPlannerStatistics() {
        try {
            services.database().refreshStatistics();
        } catch (RuntimeException e) {
            log.warn("could not refresh planner statistics: {}", e.getMessage());
        }
    }

    private void expireAccessTickets() {
        try {
            services.delivery().expireTickets();
        } catch (RuntimeException e) {
            log.warn("could not expire preview tokens and stream tickets: {}", e.getMessage());
        }
    }

    private void expireIdempotencyKeys() {
        try {
            services.entries().expireIdempotencyKeys();
        } catch (RuntimeException e) {
            log.warn("could not expire idempotency keys: {}", e.getMessage());
        }
    }

    public Services services() {
        return services;
    }

    public java.util.List<dev.vellum.http.HttpServer.Route> routes() {
        return http.routes();
    }

    public int port() {
        return http.port();
    }

    /** The separate /metrics port, or -1 when /metrics is served on the API port. */
    public int metricsPort() {
        return http.metricsPort();
    }

    @Override
    public void close() {
        events.closeStreams(); // before the HTTP server stops: each open stream ends its response
        if (http != null) http.close();
        if (chores != null) chores.shutdownNow();
        if (autoSync != null) autoSync.close();
        if (jobRunner != null) jobRunner.close();
        events.close();
        flushTokenUse();
        services.assets().store().close();
        services.database().close();
        services.metrics().close();
    }
}
