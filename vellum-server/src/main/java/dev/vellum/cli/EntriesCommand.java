package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.app.Vellum;
import dev.vellum.content.EntryService;
import dev.vellum.content.RichTextFormat;
import dev.vellum.query.ListParams;
import dev.vellum.query.ListQuery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "entries", description = "Read a collection's entries in the local data directory or database.",
        subcommands = {EntriesCommand.ListEntries.class})
final class EntriesCommand {

    @Command(name = "list", description = "Print entries as JSON lines, one entry per line, filtered and sorted as "
            + "GET …/entries does (filter language: docs/query.md). Drafts are included.")
    static final class ListEntries implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--collection", required = true, description = "Collection id.") String collection;
        @Option(names = "--filter", description = "Filter, e.g. 'status = \"live\" and views > 100'.") String filter;
        @Option(names = "--sort", description = "Sort keys, e.g. -published_at,title (id breaks ties).") String sort;
        @Option(names = "--limit", description = "Most entries to print (default: all).") Integer limit;
        @Option(names = "--fields", description = "Field ids to print, e.g. title,views (system attributes always).") String fields;

        @Override
        public Integer call() {
            if (limit != null && limit < 1) throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            PrintWriter out = spec.commandLine().getOut();
            try (Vellum v = Vellum.open(ConfigOptions.resolve(spec))) {
                EntryService entries = v.services().entries();
                long printed = 0;
                String cursor = null;
                do {
                    long want = limit == null ? ListQuery.MAX_LIMIT : Math.min(ListQuery.MAX_LIMIT, limit - printed);
                    ObjectNode page = entries.list(project, collection, new ListParams(Long.toString(want), cursor, sort, fields, null, filter),
                            true, RichTextFormat.JSON);
                    for (JsonNode e : page.get("data")) out.println(e);
                    printed += page.get("data").size();
                    cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
                } while (cursor != null && (limit == null || printed < limit));
                out.flush();
            }
            return 0;
        }
    }
}
