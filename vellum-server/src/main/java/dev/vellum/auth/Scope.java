package dev.vellum.auth;

import java.util.Locale;
import java.util.Optional;

/** What a project token may do. Each scope includes the ones before it. */
public enum Scope {
    /** Published entries only. */
    READ,
    /** Content: entries, drafts, assets. */
    WRITE,
    /** Schema, tokens, webhooks, connections. */
    ADMIN;

    public boolean includes(Scope other) {
        return ordinal() >= other.ordinal();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> parse(String s) {
        if (s == null) return Optional.empty();
        return switch (s) {
            case "read" -> Optional.of(READ);
            case "write" -> Optional.of(WRITE);
            case "admin" -> Optional.of(ADMIN);
            default -> Optional.empty();
        };
    }
}
