package dev.vellum.storage;

import dev.vellum.testing.Backend;
import java.util.List;

class SqliteQueryPlanTest extends QueryPlanScenarios {
    @Override protected Backend newBackend() { return Backend.sqlite(); }

    @Override
    protected String explain(Database db, String sql, List<Object> params) {
        List<String> lines = db.read(tx -> tx.list("EXPLAIN QUERY PLAN " + sql, rs -> rs.getString(4), params));
        return String.join("\n", lines);
    }
}
