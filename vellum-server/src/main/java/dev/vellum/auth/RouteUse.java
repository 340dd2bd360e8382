package dev.vellum.auth;

/** How often a token called one route, and when last (the token audit). */
public record RouteUse(String method, String route, long count, String lastUsedAt) {}
