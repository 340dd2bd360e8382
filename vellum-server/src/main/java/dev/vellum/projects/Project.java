package dev.vellum.projects;

import dev.vellum.error.VellumException;

/** An isolated content space; tokens belong to one project. */
public record Project(String id, String name, String createdAt) {

    /** The one answer for a project that does not exist or that the caller may not see. */
    public static VellumException notFound(String projectId) {
        return new VellumException.NotFound("project_not_found", "No project '" + projectId + "'");
    }
}
