package dev.vellum.ids;

import java.util.regex.Pattern;

/** The shape of names people choose for projects and collections: they appear in URLs and table metadata. */
public final class Identifiers {
    /** 1–64 characters of a-z, 0-9, _ or -, starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private Identifiers() {}
}
