package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.sync.ConnectionService;
import dev.vellum.sync.SyncJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vellum sync connect|pull|push|status|conflicts|resolve}: Directus sync from the command line (local data, or a server with --url). */
@Command(name = "sync", description = "Two-way Directus sync: connect a collection, pull, push, see status and conflicts, resolve them.",
        subcommands = {SyncCommand.Connect.class, SyncCommand.Pull.class, SyncCommand.Push.class, SyncCommand.Status.class,
                SyncCommand.Conflicts.class, SyncCommand.Resolve.class})
final class SyncCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncCommand() {}

    @Command(name = "connect", description = "Connect a Vellum collection to a Directus collection; prints the connection (never the token).")
    static final class Connect implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--collection", required = true, description = "The Vellum collection.") String collection;
        @Option(names = "--directus-url", required = true, description = "The Directus URL, e.g. https://cms.example.com.") String directusUrl;
        @Option(names = "--directus-token", required = true, defaultValue = "${env:DIRECTUS_TOKEN}",
                description = "A Directus static token (default: DIRECTUS_TOKEN).") String directusToken;
        @Option(names = "--remote-collection", description = "The Directus collection (default: the Vellum collection's id).") String remote;
        @Option(names = "--create-remote", description = "Create the Directus collection from the Vellum schema.") boolean create;
        @Option(names = "--slug-field", description = "The Directus field holding the slug (default: slug, if there is one).") String slug;
        @Option(names = "--always-overwrite", description = "The run's source side wins instead of recording conflicts.") boolean overwrite;
        @Option(names = "--conflicts", description = "field (merge different fields; default) or item (any change on both sides).") String conflicts;
        @Option(names = "--assets", description = "url (pulled files stay Directus asset URLs; default) or rehost (copied into Vellum's asset store).")
        String assets;
        @Option(names = "--deletes", description = "Propagate deletions both ways (off by default).") boolean deletes;

        @Override
        public Integer call() {
            ObjectNode body = JSON.createObjectNode().put("kind", "directus").put("collection", collection).put("url", directusUrl)
                    .put("token", directusToken).put("create_remote", create).put("always_overwrite", overwrite);
            if (remote != null) body.put("remote_collection", remote);
            if (slug != null) body.put("slug_field", slug);
            if (conflicts != null) body.put("conflicts", conflicts);
            if (assets != null) body.put("assets", assets);
            if (deletes) body.put("deletes", true);
            try (Target t = Target.open(spec)) {
                JsonNode out = switch (t) {
                    case Target.Local l -> {
                        ConnectionService s = l.vellum().services().sync();
                        ConnectionService.Created c = s.create(project, body);
                        ObjectNode o = SyncJson.connection(c.connection(), null);
                        c.skippedFields().forEach(o.putArray("skipped_fields")::add);
                        yield o;
                    }
                    case Target.Remote r -> r.client().sync(project).connect(body);
                };
                spec.commandLine().getOut().println(out);
            }
            return 0;
        }
    }

    /** Options shared by pull and push. */
    abstract static class Run implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Parameters(index = "0", description = "Connection id.") String connection;
        @Option(names = "--dry-run", description = "Report what would change; change nothing.") boolean dryRun;
        @Option(names = "--full", description = "Compare everything instead of what changed since the last run.") boolean full;

        abstract String direction();

        @Override
        public Integer call() {
            try (Target t = Target.open(spec)) {
                JsonNode run = switch (t) {
                    case Target.Local l -> l.vellum().services().sync().sync(project, connection, JSON.createObjectNode()
                            .put("direction", direction()).put("dry_run", dryRun).put("full", full), true, "cli").toJson();
                    case Target.Remote r -> r.client().sync(project).sync(connection, direction(), dryRun, full, true);
                };
                PrintWriter out = spec.commandLine().getOut();
                out.println(run);
                out.flush();
                return run.path("status").asText().equals("done") ? 0 : 1;
            }
        }
    }

    @Command(name = "pull", description = "Sync from Directus: add or update entries (never wipes); prints the run's report.")
    static final class Pull extends Run {
        @Override String direction() { return "pull"; }
    }

    @Command(name = "push", description = "Sync to Directus: create or update items by slug; prints the run's report.")
    static final class Push extends Run {
        @Override String direction() { return "push"; }
    }

    @Command(name = "status", description = "List connections, or one connection with its latest runs.")
    static final class Status implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Parameters(index = "0", arity = "0..1", description = "Connection id.") String connection;

        @Override
        public Integer call() {
            try (Target t = Target.open(spec)) {
                JsonNode out = switch (t) {
                    case Target.Local l -> {
                        ConnectionService s = l.vellum().services().sync();
                        if (connection == null) {
                            ArrayNode a = JSON.createArrayNode();
                            s.list(project).forEach(c -> a.add(SyncJson.connection(c, null)));
                            yield a;
                        }
                        ObjectNode o = SyncJson.connection(s.get(project, connection), null);
                        ArrayNode runs = o.putArray("runs");
                        s.runs(project, connection, 10).forEach(r -> runs.add(r.toJson()));
                        yield o;
                    }
                    case Target.Remote r -> {
                        if (connection == null) yield r.client().sync(project).list();
                        ObjectNode o = (ObjectNode) r.client().sync(project).get(connection);
                        o.set("runs", r.client().sync(project).runs(connection, 10));
                        yield o;
                    }
                };
                spec.commandLine().getOut().println(out);
            }
            return 0;
        }
    }

    @Command(name = "conflicts", description = "Print open conflicts as JSON lines: both versions, the base, the fields at odds.")
    static final class Conflicts implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Parameters(index = "0", description = "Connection id.") String connection;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Target t = Target.open(spec)) {
                switch (t) {
                    case Target.Local l -> l.vellum().services().sync().conflicts(project, connection, "open")
                            .forEach(c -> out.println(SyncJson.conflict(c)));
                    case Target.Remote r -> r.client().sync(project).conflicts(connection, "open").forEach(out::println);
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "resolve", description = "Resolve a conflict with --use vellum or --use directus; applied to both sides.")
    static final class Resolve implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Parameters(index = "0", description = "Connection id.") String connection;
        @Parameters(index = "1", description = "Conflict id.") String conflict;
        @Option(names = "--use", required = true, description = "vellum or directus.") String use;

        @Override
        public Integer call() {
            try (Target t = Target.open(spec)) {
                JsonNode out = switch (t) {
                    case Target.Local l -> SyncJson.conflict(l.vellum().services().sync().resolve(project, connection, conflict,
                            JSON.createObjectNode().put("use", use)));
                    case Target.Remote r -> r.client().sync(project).resolve(connection, conflict, use);
                };
                spec.commandLine().getOut().println(out);
            }
            return 0;
        }
    }
}
