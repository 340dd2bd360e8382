package dev.vellum.client;

import java.util.List;

/** {@code /v1/projects}: creating and listing needs the instance admin token; any token of a project reads it. */
public final class ProjectsApi {
    private final Transport transport;

    ProjectsApi(Transport transport) {
        this.transport = transport;
    }

    /** Creates a project (not retried: a repeat would answer 409 {@code project_exists}). */
    public Project create(String id, String name) {
        var body = Json.object().put("id", id);
        if (name != null) body.put("name", name);
        return Project.from(transport.call(ApiRequest.post(ApiRequest.path("projects"), body)));
    }

    public List<Project> list() {
        return Json.list(transport.call(ApiRequest.get(ApiRequest.path("projects"))), "data", Project::from);
    }

    public Project get(String id) {
        return Project.from(transport.call(ApiRequest.get(ApiRequest.path("projects", id))));
    }
}
