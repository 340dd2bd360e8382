package dev.vellum.auth;

/** Who is calling: the instance admin, or a token of one project with one scope. */
public sealed interface Principal {
    String tokenId();

    record InstanceAdmin(String tokenId) implements Principal {}

    record ProjectToken(String tokenId, String projectId, Scope scope) implements Principal {}
}
