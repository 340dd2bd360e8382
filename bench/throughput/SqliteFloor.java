import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What SQLite itself costs per entry for Vellum's tables (issue 15: "the batch path costs near what SQLite itself costs
 * per row"). Reads the schema and the rows of one collection from a Vellum data directory that holds the side-by-side
 * data, makes the same tables and indexes in a fresh database with the writer's settings (WAL, synchronous=NORMAL,
 * 16 MB cache, 1 GiB map), and inserts copies of the rows (new ids and slugs) with plain JDBC batches of 1,000 rows per
 * transaction, as a bulk writer with nothing else to do would: no HTTP, no JSON, no validation. Four rounds, each on a
 * fresh database: the entry table with only its primary key and unique slug (what the per-field indexes cost); the
 * entry table with all its indexes; plus the full-text index (the _sdoc map and the FTS5 table, fed the title and
 * summary); plus one change-log row per entry (its data about the size of Vellum's): the last is what Vellum writes.
 *
 * usage: java -cp sqlite-jdbc.jar bench/throughput/SqliteFloor.java VELLUM_DB TABLE [ENTRIES]
 */
public class SqliteFloor {
    public static void main(String[] args) throws Exception {
        String source = args[0];
        String table = args[1];
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        List<String> ddl = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND (tbl_name = '" + table
                    + "' OR tbl_name = '" + table + "_sdoc' OR name = '" + table + "_fts' OR tbl_name = 'changes') AND name NOT LIKE '"
                    + table + "_fts_%' ORDER BY type DESC, name")) {
                while (rs.next()) ddl.add(rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " LIMIT 10000")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnName(i));
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
                    rows.add(row);
                }
            }
        }
        System.out.printf("%s: %d columns, %d indexes on it; %d source rows; %d entries per round, 1,000 per transaction%n",
                table, columns.size(), ddl.stream().filter(s -> s.startsWith("CREATE INDEX") || s.startsWith("CREATE UNIQUE INDEX"))
                        .filter(s -> s.contains(" ON " + table + " ")).count(), rows.size(), entries);
        for (String round : List.of("no field indexes", "entry table", "+ full-text index", "+ change log")) {
            for (int attempt = 0; attempt < 2; attempt++) { // the first warms the JIT
                Path dir = Files.createTempDirectory("vellum-floor");
                List<String> made = round.equals("no field indexes")
                        ? ddl.stream().filter(s -> !s.startsWith("CREATE INDEX " + table + "_")).toList() : ddl;
                double perSecond = run(dir.resolve("floor.db").toString(), made, table, columns, rows, entries,
                        round.startsWith("+"), round.equals("+ change log"));
                if (attempt == 1) System.out.printf("%-18s %,10.0f entries/s  (%.1f µs each)%n", round, perSecond, 1e6 / perSecond);
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) Files.delete(p);
                }
                Files.delete(dir);
            }
        }
    }

    private static double run(String db, List<String> ddl, String table, List<String> columns, List<Object[]> rows, int entries,
                              boolean search, boolean changes) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA cache_size=-16000");
            st.execute("PRAGMA mmap_size=1073741824");
            for (String s : ddl) st.execute(s);
            String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
            int id = columns.indexOf("id");
            int slug = columns.indexOf("slug");
            int title = columns.indexOf("f_title") >= 0 ? columns.indexOf("f_title") : columns.indexOf("title");
            int summary = columns.indexOf("f_summary") >= 0 ? columns.indexOf("f_summary") : columns.indexOf("summary");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")");
                 PreparedStatement doc = c.prepareStatement("INSERT INTO " + table + "_sdoc (id) VALUES (?)");
                 PreparedStatement fts = c.prepareStatement("INSERT INTO " + table + "_fts (rowid, title, body) VALUES (?, ?, ?)");
                 PreparedStatement change = c.prepareStatement("INSERT INTO changes (project_id, seq, kind, collection_id, entry_id, "
                         + "version, draft, token_id, created_at, data) VALUES ('bench', ?, 'entry.created', 'posts', ?, 1, 0, NULL, ?, ?)")) {
                long docs = 0;
                for (int n = 0; n < entries; n++) {
                    Object[] row = rows.get(n % rows.size()).clone();
                    row[id] = String.format("01FLOOR%019d", n);
                    row[slug] = "floor-" + n;
                    for (int i = 0; i < row.length; i++) insert.setObject(i + 1, row[i]);
                    insert.addBatch();
                    if (search) {
                        doc.setString(1, (String) row[id]);
                        doc.addBatch();
                        fts.setLong(1, ++docs);
                        fts.setString(2, String.valueOf(row[title]).toLowerCase());
                        fts.setString(3, String.valueOf(row[summary]).toLowerCase());
                        fts.addBatch();
                    }
                    if (changes) {
                        change.setLong(1, n + 1);
                        change.setString(2, (String) row[id]);
                        change.setString(3, "2026-11-26T23:00:00.000Z");
                        change.setString(4, java.util.Arrays.toString(row)); // about the size of the entry's JSON
                        change.addBatch();
                    }
                    if ((n + 1) % 1000 == 0 || n + 1 == entries) {
                        insert.executeBatch();
                        if (search) {
                            doc.executeBatch();
                            fts.executeBatch();
                        }
                        if (changes) change.executeBatch();
                        c.commit();
                    }
                }
            }
            return entries / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
