package dev.vellum.admin;

import dev.vellum.auth.Access;
import dev.vellum.auth.Scope;
import dev.vellum.error.VellumException;

/** What the signed-in token may do in a project, for showing only the actions it can take. */
final class Scopes {
    private Scopes() {}

    static boolean has(Session s, String projectId, Scope scope) {
        try {
            Access.require(s.principal(), projectId, scope);
            return true;
        } catch (VellumException e) {
            return false;
        }
    }
}
