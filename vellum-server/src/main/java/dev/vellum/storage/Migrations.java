package dev.vellum.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbered migrations ({@code db/<dialect>/V<n>.sql}) run in order at start, in one transaction.
 * Every script whose number is not yet recorded runs, so a number may be left unused (capabilities
 * reserve theirs while they are built side by side) and a lower number that arrives later still runs;
 * gaps of up to {@value #MAX_GAP} numbers are looked across. On PostgreSQL an advisory lock keeps two
 * starting nodes from racing.
 */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final long LOCK_KEY = 0x76656c6c756dL; // "vellum"
    static final int MAX_GAP = 50;

    private Migrations() {}

    public static int run(Database db) {
        return db.write(tx -> {
            if (tx.dialect() == Dialect.POSTGRES) tx.one("SELECT pg_advisory_xact_lock(?)", rs -> 1, LOCK_KEY);
            tx.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            Set<Integer> done = new HashSet<>(tx.list("SELECT version FROM schema_migrations", rs -> rs.getInt(1)));
            int applied = 0;
            for (int v = 1, last = 0; v <= last + MAX_GAP; v++) {
                String script = load(tx.dialect(), v);
                if (script == null) continue;
                last = v;
                if (done.contains(v)) continue;
                for (String statement : split(script)) tx.execute(statement);
                tx.update("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", v, Instant.now().toString());
                log.info("applied migration {} ({})", v, tx.dialect().folder());
                applied++;
            }
            return applied;
        });
    }

    private static String load(Dialect dialect, int version) throws SQLException {
        String path = "/db/" + dialect.folder() + "/V" + version + ".sql";
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + path, e);
        }
    }

    /** Splits a script on semicolons at line ends; our migrations hold no procedural blocks. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String st = current.toString().strip();
                out.add(st.substring(0, st.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }
}
