package dev.vellum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tail", description = "Print a project's changes as JSON lines, in order, and keep following new ones.")
final class TailCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;
    @Option(names = "--project", required = true, description = "Project id.") String project;
    @Option(names = "--since", defaultValue = "0", description = "Start after this change sequence number (default: from the start).") long since;
    @Option(names = "--no-follow", description = "Stop at the end of the log instead of waiting for more.") boolean noFollow;
    @Option(names = "--interval-ms", defaultValue = "1000", description = "How often to look for new changes when following.") long intervalMs;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        long seq = since;
        try (Target t = Target.open(spec)) {
            while (true) {
                int printed = 0;
                switch (t) {
                    case Target.Local l -> {
                        for (var c : l.vellum().services().changes().since(project, seq, 1000, true)) {
                            out.println(line(c.seq(), c.kind(), c.collection(), c.entryId(), c.at(), c.data()));
                            seq = c.seq();
                            printed++;
                        }
                    }
                    case Target.Remote r -> {
                        var page = r.client().changes(project).page(seq, 1000);
                        for (var c : page.data()) {
                            out.println(line(c.seq(), c.kind(), c.collection(), c.entryId(), c.at().toString(), c.data()));
                            printed++;
                        }
                        seq = page.nextSince();
                    }
                }
                out.flush();
                if (printed == 0) {
                    if (noFollow) return 0;
                    Thread.sleep(intervalMs);
                }
            }
        }
    }

    /** One change as a JSON line, the same in local and remote mode. */
    private static ObjectNode line(long seq, String kind, String collection, String entryId, String at,
                                   com.fasterxml.jackson.databind.JsonNode data) {
        ObjectNode line = JSON.createObjectNode().put("seq", seq).put("kind", kind).put("collection", collection);
        if (entryId != null) line.put("entry_id", entryId);
        line.put("at", at).set("data", data);
        return line;
    }
}
