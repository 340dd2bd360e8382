package dev.vellum.auth;

/** A token just created or rotated, with its secret: the only time the secret is shown. */
public record IssuedToken(Token token, String secret) {}
