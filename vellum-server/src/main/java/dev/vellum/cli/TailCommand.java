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
                            ObjectNode line = JSON.createObjectNode().put("seq", c.seq()).put("kind", c.kind()).put("collection", c.collection());
                            if (c.entryId() != null) line.put("entry_id", c.entryId());
                            line.put("at", c.at()).set("data", c.data());
                            out.println(line);
                            seq = c.seq();
                            printed++;
                        }
                    }
                    case Target.Remote r -> {
                        var page = r.client().changes(project).page(seq, 1000);
                        for (var c : page.data()) {
                            ObjectNode line = JSON.createObjectNode().put("seq", c.seq()).put("kind", c.kind()).put("collection", c.collection());
                            if (c.entryId() != null) line.put("entry_id", c.entryId());
                            line.put("at", c.at().toString()).set("data", c.data());
                            out.println(line);
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
}
