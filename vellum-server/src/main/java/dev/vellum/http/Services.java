package dev.vellum.http;

import dev.vellum.auth.TokenService;
import dev.vellum.changes.ChangeLog;
import dev.vellum.config.VellumConfig;
import dev.vellum.content.EntryService;
import dev.vellum.observability.Metrics;
import dev.vellum.projects.ProjectService;
import dev.vellum.ratelimit.RateLimits;
import dev.vellum.schema.CollectionService;
import dev.vellum.storage.Database;

/** The facades the HTTP adapter calls. */
public record Services(VellumConfig config, Database database, Metrics metrics, RateLimits rateLimits, ProjectService projects,
                       TokenService tokens, CollectionService collections, EntryService entries, ChangeLog changes) {}
