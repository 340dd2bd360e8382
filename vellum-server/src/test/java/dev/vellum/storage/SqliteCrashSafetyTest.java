package dev.vellum.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testing.Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

class SqliteCrashSafetyTest extends CrashSafetyScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }

    @Override
    protected void checkIntegrity(Backend backend) throws Exception {
        Backend.Sqlite sqlite = (Backend.Sqlite) backend;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite.dir().resolve("vellum.db"));
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }
}
