package dev.vellum.sync;

/** {@link SyncScenarios} with Vellum on SQLite. */
class SqliteSyncTest extends SyncScenarios {}
