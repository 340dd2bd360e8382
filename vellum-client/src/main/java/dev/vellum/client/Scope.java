package dev.vellum.client;

import java.util.Locale;

/** What a project token may do: read published entries, write content, or administer schemas and tokens. */
public enum Scope {
    READ, WRITE, ADMIN;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scope parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
