package dev.vellum.config;

/**
 * One configuration setting, declared once: the environment variable, the CLI flag, the default,
 * the type and the description. {@code --help} and docs/configuration.md come from these.
 */
public record Setting(String env, String flag, String defaultValue, String type, String description) {}
