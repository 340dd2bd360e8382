package dev.vellum.sync;

import dev.vellum.testing.Backend;

/** {@link TypeRoundTripEndToEndTest} with Vellum on PostgreSQL: every mapped type both ways, values kept in PostgreSQL's columns. */
class PostgresTypeRoundTripTest extends TypeRoundTripEndToEndTest {
    @Override
    protected Backend newBackend() {
        return Backend.postgres();
    }
}
