package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vellum.client.VellumApiException;
import dev.vellum.client.VellumClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * An import on a server: a local file is uploaded as an asset first; the job is started through the API, followed
 * until it ends, and summarised like a local one.
 */
final class RemoteImport {
    private RemoteImport() {}

    static int run(VellumClient client, String project, String kind, JsonNode source, ObjectNode options, ImportProgress progress,
                   CommandSpec spec) {
        try {
            if (source.has("file")) {
                Path file = Path.of(source.get("file").asText());
                if (!Files.exists(file)) throw new ParameterException(spec.commandLine(), "no such file or folder: " + file);
                if (!options.has("source_key") && !kind.equals("wordpress")) { // the key local mode uses: re-runs map onto the same entries
                    Path key = kind.equals("markdown") ? file.toAbsolutePath().normalize() : file.toAbsolutePath();
                    options.put("source_key", kind + ":" + key);
                }
                source = upload(client, project, file, spec);
            }
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
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read the source: " + e.getMessage());
            return 1;
        }
    }

    /**
     * A local file (a folder is zipped first, as the server reads a Markdown folder from a zip) uploaded as an asset of
     * the project: the import's {@code {"asset": id}}. Uploading the same bytes again finds the same asset.
     */
    private static ObjectNode upload(VellumClient client, String project, Path file, CommandSpec spec) throws IOException {
        Path zip = null;
        try {
            if (Files.isDirectory(file)) zip = zipFolder(file);
            Path body = zip != null ? zip : file;
            String name = zip != null ? file.toAbsolutePath().normalize().getFileName() + ".zip" : file.getFileName().toString();
            spec.commandLine().getErr().println("uploading " + file + (zip != null ? " (zipped, " : " (") + Files.size(body) + " bytes)");
            String id = client.assets(project).upload(body, name, null, null).id();
            return JsonNodeFactory.instance.objectNode().put("asset", id);
        } finally {
            if (zip != null) Files.deleteIfExists(zip);
        }
    }

    private static Path zipFolder(Path folder) throws IOException {
        Path zip = Files.createTempFile("vellum-import-", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        return zip;
    }
}
