package dev.vellum.http;

import dev.vellum.assets.AssetService;
import dev.vellum.auth.TokenService;
import dev.vellum.automation.InboundHookService;
import dev.vellum.automation.InboundReceiver;
import dev.vellum.changes.ChangeLog;
import dev.vellum.changes.ChangeStream;
import dev.vellum.config.VellumConfig;
import dev.vellum.content.EntryService;
import dev.vellum.delivery.DeliveryService;
import dev.vellum.graphql.GraphqlService;
import dev.vellum.importers.Importers;
import dev.vellum.jobs.JobService;
import dev.vellum.observability.Metrics;
import dev.vellum.projects.ProjectService;
import dev.vellum.ratelimit.RateLimits;
import dev.vellum.publishing.PublishService;
import dev.vellum.schema.CollectionService;
import dev.vellum.storage.Database;
import dev.vellum.sync.ConnectionService;
import dev.vellum.webhooks.WebhookService;

/** The facades the HTTP adapter calls. */
public record Services(VellumConfig config, Database database, Metrics metrics, RateLimits rateLimits, ProjectService projects,
                       TokenService tokens, CollectionService collections, EntryService entries, ChangeLog changes, Events events,
                       Importers importers, JobService jobs, AssetService assets, ConnectionService sync, DeliveryService delivery,
                       GraphqlService graphql) {

    /** The event capabilities: webhooks, the live change stream, publishing, inbound hooks. */
    public record Events(WebhookService webhooks, ChangeStream stream, PublishService publishing, InboundHookService inbound,
                         InboundReceiver receiver) {}

    public WebhookService webhooks() {
        return events.webhooks();
    }
}
