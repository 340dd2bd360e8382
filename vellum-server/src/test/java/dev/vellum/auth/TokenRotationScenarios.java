package dev.vellum.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.error.VellumException;
import dev.vellum.projects.ProjectService;
import dev.vellum.storage.Database;
import dev.vellum.storage.Migrations;
import dev.vellum.testing.Backend;
import dev.vellum.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Token rotation on a real database: the previous secret keeps working for the grace period asked for
 * (and only the one previous secret), none at all without one; bad grace periods and revoked tokens are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TokenRotationScenarios {
    private Backend backend;
    private Database db;
    private TokenService tokens;
    private final String project = "rot-" + Long.toHexString(System.nanoTime());

    protected abstract Backend newBackend();

    @BeforeAll
    void open() {
        backend = newBackend();
        db = Database.open(backend.config(Map.of()));
        Migrations.run(db);
        new ProjectService(db).create(project, "Rotation");
        tokens = new TokenService(db);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
        if (backend != null) backend.close();
    }

    @Test
    void thePreviousSecretWorksDuringTheGracePeriod() {
        IssuedToken first = tokens.issue(project, "site", Scope.READ, null);
        Instant before = Instant.now();
        IssuedToken second = tokens.rotate(project, first.token().id(), 3600);
        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(tokens.authenticate(second.secret()).tokenId()).isEqualTo(first.token().id());
        assertThat(tokens.authenticate(first.secret()).tokenId()).as("the old secret during the grace period").isEqualTo(first.token().id());
        Instant until = Timestamps.parse(second.token().previousValidUntil());
        assertThat(until).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(tokens.get(project, first.token().id()).previousValidUntil()).isEqualTo(second.token().previousValidUntil());

        IssuedToken third = tokens.rotate(project, first.token().id(), 3600);
        assertThatThrownBy(() -> tokens.authenticate(first.secret())).as("only the one previous secret is kept")
                .isInstanceOf(VellumException.Unauthenticated.class);
        assertThat(tokens.authenticate(second.secret()).tokenId()).isEqualTo(first.token().id());
        assertThat(tokens.authenticate(third.secret()).tokenId()).isEqualTo(first.token().id());
    }

    @Test
    void withoutAGracePeriodThePreviousSecretStopsAtOnce() {
        IssuedToken first = tokens.issue(project, "build", Scope.WRITE, null);
        assertThat(tokens.authenticate(first.secret()).tokenId()).isEqualTo(first.token().id()); // cached now
        IssuedToken second = tokens.rotate(project, first.token().id(), 0);
        assertThat(second.token().previousValidUntil()).isNull();
        assertThatThrownBy(() -> tokens.authenticate(first.secret())).isInstanceOf(VellumException.Unauthenticated.class);
        assertThat(tokens.authenticate(second.secret()).tokenId()).isEqualTo(first.token().id());
    }

    @Test
    void badGracePeriodsAndRevokedTokensAreRefused() {
        IssuedToken t = tokens.issue(project, "old", Scope.READ, null);
        for (long grace : new long[] {-1, Duration.ofDays(30).toSeconds() + 1}) {
            assertThatThrownBy(() -> tokens.rotate(project, t.token().id(), grace)).isInstanceOfSatisfying(VellumException.Invalid.class,
                    e -> assertThat(e.errors().getFirst().field()).isEqualTo("grace_period_seconds"));
        }
        assertThat(tokens.authenticate(t.secret()).tokenId()).as("a refused rotation changes nothing").isEqualTo(t.token().id());
        tokens.revoke(project, t.token().id());
        assertThatThrownBy(() -> tokens.rotate(project, t.token().id(), 60)).isInstanceOf(VellumException.Conflict.class);
        assertThatThrownBy(() -> tokens.authenticate(t.secret())).isInstanceOf(VellumException.Unauthenticated.class);
    }
}
