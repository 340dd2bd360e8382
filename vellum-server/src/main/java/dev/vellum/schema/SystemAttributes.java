package dev.vellum.schema;

import java.util.Set;

/** Entry attributes the server keeps; field ids may not take these names. */
public final class SystemAttributes {
    public static final Set<String> NAMES = Set.of("id", "slug", "draft", "version", "created_at", "updated_at", "publish_at");

    private SystemAttributes() {}
}
