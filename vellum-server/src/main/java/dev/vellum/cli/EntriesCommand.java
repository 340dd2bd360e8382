package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.client.Entry;
import dev.vellum.client.EntryInput;
import dev.vellum.client.ListOptions;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.query.ListParams;
import dev.vellum.query.ListQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "entries", description = "Read and write a collection's entries (local data, or a server with --url).",
        subcommands = {EntriesCommand.ListEntries.class, EntriesCommand.Get.class, EntriesCommand.Create.class})
final class EntriesCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "list", description = "Print entries as JSON lines, one entry per line, filtered and sorted as "
            + "GET …/entries does (filter language: docs/query.md). Drafts are included where the token sees them.")
    static final class ListEntries implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--collection", required = true, description = "Collection id.") String collection;
        @Option(names = "--filter", description = "Filter, e.g. 'status = \"live\" and views > 100'.") String filter;
        @Option(names = "--sort", description = "Sort keys, e.g. -published_at,title (id breaks ties).") String sort;
        @Option(names = "--search", description = "Full-text search, e.g. 'java \"virtual threads\" optim*' (without --sort: most relevant first).")
        String search;
        @Option(names = "--limit", description = "Most entries to print (default: all).") Integer limit;
        @Option(names = "--fields", description = "Field ids to print, e.g. title,views (system attributes always).") String fields;

        @Override
        public Integer call() {
            if (limit != null && limit < 1) throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            PrintWriter out = spec.commandLine().getOut();
            try (Target t = Target.open(spec)) {
                switch (t) {
                    case Target.Local l -> local(l.vellum().services().entries(), out);
                    case Target.Remote r -> {
                        ListOptions.Builder o = ListOptions.builder().limit(ListQuery.MAX_LIMIT);
                        if (filter != null) o.filter(filter);
                        if (search != null) o.search(search);
                        if (sort != null) o.sort(sort.split(","));
                        if (fields != null) o.fields(fields.split(","));
                        var all = r.client().entries(project, collection).stream(o.build());
                        (limit == null ? all : all.limit(limit)).forEach(e -> out.println(json(e)));
                    }
                }
                out.flush();
            }
            return 0;
        }

        private void local(EntryService entries, PrintWriter out) {
            long printed = 0;
            String cursor = null;
            do {
                long want = limit == null ? ListQuery.MAX_LIMIT : Math.min(ListQuery.MAX_LIMIT, limit - printed);
                ObjectNode page = entries.list(project, collection, new ListParams(Long.toString(want), cursor, sort, fields, null, filter, search),
                        true, RichTextFormat.JSON);
                for (JsonNode e : page.get("data")) out.println(e);
                printed += page.get("data").size();
                cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            } while (cursor != null && (limit == null || printed < limit));
        }
    }

    @Command(name = "get", description = "Print one entry as JSON.")
    static final class Get implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--collection", required = true, description = "Collection id.") String collection;
        @Parameters(index = "0", description = "Entry id.") String id;

        @Override
        public Integer call() {
            try (Target t = Target.open(spec)) {
                JsonNode entry = switch (t) {
                    case Target.Local l -> l.vellum().services().entries().get(project, collection, id, true, RichTextFormat.JSON).body();
                    case Target.Remote r -> json(r.client().entries(project, collection).get(id));
                };
                spec.commandLine().getOut().println(entry);
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Create an entry from JSON ({\"slug\"?, \"draft\"?, \"fields\": {…}}) and print it.")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--collection", required = true, description = "Collection id.") String collection;
        @Option(names = "--data", required = true, description = "The entry as JSON, or @file.json.") String data;

        @Override
        public Integer call() throws IOException {
            JsonNode body = JSON.readTree(data.startsWith("@") ? Files.readString(Path.of(data.substring(1))) : data);
            try (Target t = Target.open(spec)) {
                JsonNode entry = switch (t) {
                    case Target.Local l -> l.vellum().services().entries().create(project, collection, body, null, null, RichTextFormat.JSON).body();
                    case Target.Remote r -> {
                        EntryInput input = EntryInput.of(body.path("fields").isObject() ? (ObjectNode) body.get("fields") : JSON.createObjectNode());
                        if (body.hasNonNull("slug")) input = input.withSlug(body.get("slug").asText());
                        if (body.hasNonNull("draft")) input = input.withDraft(body.get("draft").asBoolean());
                        yield json(r.client().entries(project, collection).create(input));
                    }
                };
                spec.commandLine().getOut().println(entry);
            }
            return 0;
        }
    }

    /** An entry from the client in the API's JSON form. */
    static ObjectNode json(Entry e) {
        ObjectNode o = JSON.createObjectNode().put("id", e.id()).put("slug", e.slug()).put("draft", e.draft()).put("version", e.version());
        o.put("created_at", e.createdAt().toString()).put("updated_at", e.updatedAt().toString());
        if (e.publishAt() != null) o.put("publish_at", e.publishAt().toString());
        o.set("fields", e.fields());
        return o;
    }
}
