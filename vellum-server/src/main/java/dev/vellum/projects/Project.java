package dev.vellum.projects;

/** An isolated content space; tokens belong to one project. */
public record Project(String id, String name, String createdAt) {}
