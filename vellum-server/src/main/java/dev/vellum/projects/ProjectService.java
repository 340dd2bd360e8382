package dev.vellum.projects;

import dev.vellum.error.FieldError;
import dev.vellum.error.VellumException;
import dev.vellum.ids.Identifiers;
import dev.vellum.storage.Database;
import dev.vellum.time.Timestamps;
import java.util.List;

/** Creates and lists projects. */
public final class ProjectService {
    private final Database db;
    private final ProjectRepository projects = new ProjectRepository();

    public ProjectService(Database db) {
        this.db = db;
    }

    public Project create(String id, String name) {
        if (id == null || !Identifiers.NAME.matcher(id).matches()) {
            throw new VellumException.Invalid("invalid_project", "The project is not valid", List.of(new FieldError("id",
                    id == null ? "required" : "invalid_id", "id must be 1–64 characters of a-z, 0-9, _ or -")));
        }
        Project p = new Project(id, name == null || name.isBlank() ? id : name, Timestamps.now());
        return db.write(tx -> {
            if (projects.find(tx, id).isPresent()) {
                throw new VellumException.Conflict("project_exists", "A project '" + id + "' already exists");
            }
            projects.insert(tx, p);
            return p;
        });
    }

    public List<Project> list() {
        return db.read(projects::list);
    }

    public Project get(String id) {
        return db.read(tx -> projects.find(tx, id)).orElseThrow(() -> Project.notFound(id));
    }
}
