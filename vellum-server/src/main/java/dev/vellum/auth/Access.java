package dev.vellum.auth;

import dev.vellum.error.VellumException;
import dev.vellum.projects.Project;

/** Scope checks. A token used on another project's paths learns nothing: it sees 404. */
public final class Access {
    private Access() {}

    public static void require(Principal principal, String projectId, Scope needed) {
        switch (principal) {
            case Principal.InstanceAdmin admin -> { }
            case Principal.ProjectToken token -> {
                if (!token.projectId().equals(projectId)) throw projectNotFound(projectId);
                if (!token.scope().includes(needed)) {
                    throw new VellumException.Forbidden("insufficient_scope",
                            "This token has scope '" + token.scope().wire() + "'; this needs '" + needed.wire() + "'");
                }
            }
            case Principal.Preview preview -> {
                if (!preview.projectId().equals(projectId)) throw projectNotFound(projectId);
                if (needed != Scope.READ) {
                    throw new VellumException.Forbidden("preview_read_only", "A preview token only reads entries");
                }
            }
        }
    }

    public static void requireInstanceAdmin(Principal principal) {
        if (!(principal instanceof Principal.InstanceAdmin)) {
            throw new VellumException.Forbidden("instance_admin_required", "This needs the instance admin token");
        }
    }

    /** Whether drafts are visible to this caller in this project (write scope and above). */
    public static boolean seesDrafts(Principal principal) {
        return switch (principal) {
            case Principal.InstanceAdmin admin -> true;
            case Principal.ProjectToken token -> token.scope().includes(Scope.WRITE);
            case Principal.Preview preview -> true;
        };
    }

    public static VellumException projectNotFound(String projectId) {
        return Project.notFound(projectId);
    }
}
