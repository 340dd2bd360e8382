package dev.vellum.admin;

import dev.vellum.auth.Principal;

/** A signed-in browser: who it is, and the CSRF token every form it posts must carry. */
record Session(Principal principal, String csrf) {

    boolean instanceAdmin() {
        return principal instanceof Principal.InstanceAdmin;
    }

    /** The project a project token belongs to; null for the instance admin. */
    String ownProject() {
        return principal instanceof Principal.ProjectToken t ? t.projectId() : null;
    }

    String tokenId() {
        return principal.tokenId();
    }
}
