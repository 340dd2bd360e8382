package dev.vellum.sync;

import dev.vellum.testing.Backend;

/** {@link FilesAndRelationsEndToEndTest} with Vellum on PostgreSQL (re-hosted files, uploaded assets, many-to-many). */
class PostgresFilesAndRelationsTest extends FilesAndRelationsEndToEndTest {
    @Override
    protected Backend newBackend() {
        return Backend.postgres();
    }
}
