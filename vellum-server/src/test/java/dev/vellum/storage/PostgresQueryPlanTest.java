package dev.vellum.storage;

import dev.vellum.testing.Backend;
import java.util.List;

class PostgresQueryPlanTest extends QueryPlanScenarios {
    @Override protected Backend newBackend() { return Backend.postgres(); }

    @Override
    protected String explain(Database db, String sql, List<Object> params) {
        List<String> lines = db.read(tx -> tx.list("EXPLAIN " + sql, rs -> rs.getString(1), params));
        return String.join("\n", lines);
    }
}
