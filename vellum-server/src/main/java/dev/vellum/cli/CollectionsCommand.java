package dev.vellum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vellum.client.CollectionSpec;
import dev.vellum.client.SchemaResolution;
import dev.vellum.client.VellumApiException;
import dev.vellum.error.VellumException;
import dev.vellum.schema.SchemaJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "collections", description = "Schemas as code (local data, or a server with --url).",
        subcommands = {CollectionsCommand.Apply.class, CollectionsCommand.ListAll.class})
final class CollectionsCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Command(name = "apply", description = "Create or change collections to match a schema file (JSON or YAML): one collection, "
            + "a list, or {\"collections\": [...]}. Prints the plan first; the server refuses changes that would lose data "
            + "unless --resolve says what to do.")
    static final class Apply implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", description = "schema.json or schema.yaml") Path file;
        @Option(names = "--project", required = true, description = "Project id.") String project;
        @Option(names = "--dry-run", description = "Print the plan, change nothing.") boolean dryRun;
        @Option(names = "--resolve", description = "field=discard | field=clear | field=set:<JSON value>, per lossy change "
                + "(collection.field to be specific when the file has several collections).") List<String> resolve = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            List<JsonNode> wanted = collections(read(file));
            var out = spec.commandLine().getOut();
            try (Target t = Target.open(spec)) {
                for (JsonNode desired : wanted) {
                    String id = desired.path("id").asText();
                    JsonNode current = current(t, id);
                    SchemaPlan plan = SchemaPlan.of(current, desired);
                    out.println((plan.create() ? "create " : "change ") + id + (plan.empty() ? ": up to date" : ":"));
                    plan.lines().forEach(l -> out.println("  " + l));
                    if (dryRun || plan.empty()) continue;
                    Map<String, JsonNode> resolutions = resolutions(id);
                    switch (t) {
                        case Target.Local l -> {
                            var collections = l.vellum().services().collections();
                            if (plan.create()) collections.create(project, desired, null);
                            else collections.update(project, id, withResolve(desired, resolutions), null);
                        }
                        case Target.Remote r -> {
                            var api = r.client().collections(project);
                            if (plan.create()) api.create(CollectionSpec.fromJson(desired));
                            else api.update(CollectionSpec.fromJson(desired), clientResolutions(resolutions));
                        }
                    }
                    out.println("  applied");
                }
            }
            return 0;
        }

        private JsonNode current(Target t, String id) {
            try {
                return switch (t) {
                    case Target.Local l -> SchemaJson.collection(l.vellum().services().collections().get(project, id));
                    case Target.Remote r -> r.client().collections(project).get(id).spec().toJson();
                };
            } catch (VellumException.NotFound | VellumApiException.NotFound absent) {
                return null;
            }
        }

        private Map<String, JsonNode> resolutions(String collection) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (String r : resolve) {
                int eq = r.indexOf('=');
                if (eq < 1) throw new ParameterException(spec.commandLine(), "--resolve takes field=discard|clear|set:<json>");
                String field = r.substring(0, eq);
                if (field.contains(".")) {
                    if (!field.startsWith(collection + ".")) continue;
                    field = field.substring(collection.length() + 1);
                }
                String action = r.substring(eq + 1);
                if (action.equals("discard") || action.equals("clear")) {
                    out.put(field, JSON.getNodeFactory().textNode(action));
                } else if (action.startsWith("set:")) {
                    try {
                        out.put(field, JSON.createObjectNode().set("set", JSON.readTree(action.substring(4))));
                    } catch (IOException e) {
                        throw new ParameterException(spec.commandLine(), "--resolve " + field + "=set: needs a JSON value, e.g. set:0 or set:\"x\"");
                    }
                } else {
                    throw new ParameterException(spec.commandLine(), "--resolve action must be discard, clear or set:<json>");
                }
            }
            return out;
        }
    }

    @Command(name = "list", description = "List collections with their fields.")
    static final class ListAll implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project", required = true, description = "Project id.") String project;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            try (Target t = Target.open(spec)) {
                List<JsonNode> all = switch (t) {
                    case Target.Local l -> l.vellum().services().collections().list(project).stream()
                            .map(c -> (JsonNode) SchemaJson.collection(c)).toList();
                    case Target.Remote r -> r.client().collections(project).list().stream().map(c -> (JsonNode) c.spec().toJson()).toList();
                };
                for (JsonNode c : all) {
                    List<String> fields = new ArrayList<>();
                    c.path("fields").forEach(f -> fields.add(f.path("id").asText() + ":" + f.path("type").asText()));
                    out.println(c.path("id").asText() + "\t" + String.join(", ", fields));
                }
            }
            return 0;
        }
    }

    static JsonNode read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return (name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON).readTree(file.toFile());
    }

    static List<JsonNode> collections(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode list = doc.has("collections") ? doc.get("collections") : doc;
        if (list.isArray()) list.forEach(out::add);
        else out.add(list);
        return out;
    }

    private static JsonNode withResolve(JsonNode desired, Map<String, JsonNode> resolutions) {
        ObjectNode body = ((ObjectNode) desired).deepCopy();
        if (!resolutions.isEmpty()) body.set("resolve", JSON.valueToTree(resolutions));
        return body;
    }

    private static Map<String, SchemaResolution> clientResolutions(Map<String, JsonNode> resolutions) {
        Map<String, SchemaResolution> out = new LinkedHashMap<>();
        resolutions.forEach((field, r) -> out.put(field, switch (r.isTextual() ? r.textValue() : "set") {
            case "discard" -> SchemaResolution.discard();
            case "clear" -> SchemaResolution.clear();
            default -> SchemaResolution.set(r.get("set"));
        }));
        return out;
    }
}
