package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.client.VellumApiException;
import dev.vellum.client.VellumClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An import on a server: started through the API, followed until it ends, summarised like a local one. */
final class RemoteImport {
    private RemoteImport() {}

    static int run(VellumClient client, String project, String kind, JsonNode source, ObjectNode options, ImportProgress progress,
                   CommandSpec spec) {
        if (source.has("file")) {
            throw new ParameterException(spec.commandLine(), "with --url, upload the file first (POST …/assets) and import it with "
                    + "--options-json '{\"asset\": …}' through the API; a file path is read only in local mode");
        }
        try {
            JsonNode started = client.imports(project).start(kind, source, options);
            String id = started.path("id").asText();
            JsonNode job = client.imports(project).await(id, Duration.ofHours(6), j -> {
                JsonNode p = j.path("progress");
                if (p.has("phase")) progress.progress(p.path("phase").asText(), p.path("done").asLong(), p.path("total").asLong(-1));
            });
            progress.summary(job.path("counts"));
            List<String> failed = new ArrayList<>();
            client.imports(project).get(id, 0, 20, "failed").path("log").path("data")
                    .forEach(r -> failed.add(r.path("source_id").asText() + ": " + r.path("error").asText()));
            progress.failures(failed);
            String status = job.path("status").asText();
            if (!status.equals("done")) {
                spec.commandLine().getErr().println("import " + id + " " + status + (job.hasNonNull("error") ? ": " + job.get("error").asText() : ""));
                return 1;
            }
            return job.path("counts").path("failed").asLong() > 0 ? 2 : 0;
        } catch (VellumApiException e) {
            spec.commandLine().getErr().println("the server refused the import: " + e.getMessage());
            return 1;
        }
    }
}
