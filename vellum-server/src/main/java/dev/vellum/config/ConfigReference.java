package dev.vellum.config;

/** docs/configuration.md, made from the settings declaration (a test keeps the file in step). */
public final class ConfigReference {
    private ConfigReference() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder("""
                # Configuration reference

                Vellum reads its settings from environment variables; every one can also be given as a flag
                to `vellum serve` (and to the local CLI commands), which wins over the environment.
                This page is generated from the settings declaration (`dev.vellum.config.Settings`):
                `vellum config reference` prints it.

                | Environment variable | Flag | Default | Type | Description |
                |---|---|---|---|---|
                """);
        for (Setting s : Settings.ALL) {
            md.append("| `").append(s.env()).append("` | `").append(s.flag()).append("` | ")
                    .append(s.defaultValue().isEmpty() ? "—" : "`" + s.defaultValue() + "`").append(" | ")
                    .append(s.type().replace("|", "\\|")).append(" | ").append(s.description().replace("|", "\\|")).append(" |\n");
        }
        md.append("""

                ## CLI remote mode

                The data commands (`projects`, `tokens`, `collections`, `entries`, `tail`) work on the local data
                directory or database by default; with a URL they talk to that server through the Java client.

                | Environment variable | Flag | Type | Description |
                |---|---|---|---|
                """);
        for (Setting s : Settings.CLIENT) {
            md.append("| `").append(s.env()).append("` | `").append(s.flag()).append("` | ").append(s.type()).append(" | ")
                    .append(s.description()).append(" |\n");
        }
        md.append("""

                ## Notes

                - With no `VELLUM_DATABASE_URL`, Vellum keeps everything in `VELLUM_DATA_DIR/vellum.db` (SQLite, WAL mode,
                  `synchronous=NORMAL`: a commit survives a crash of the process; a power loss can take back the last
                  commits). Set `VELLUM_DATABASE_URL=jdbc:postgresql://host:5432/db?user=…&password=…` for PostgreSQL;
                  several Vellum processes may share one PostgreSQL database.
                - `VELLUM_BOOTSTRAP_TOKEN` is the instance admin token: it creates projects. Without it, the first start
                  generates one and prints it once.
                - JVM options for the `vellum` launcher go in `VELLUM_JAVA_OPTS` (default
                  `-XX:+UseSerialGC -Xss512k -Xmx256m`; a class-data-sharing archive is added by the launcher).
                """);
        return md.toString();
    }
}
